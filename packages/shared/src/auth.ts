import { z } from 'zod';
import { plainString } from './common.js';
import { Role } from './roles.js';
import { SchoolKind } from './schools.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

export const Username = z.string().trim().regex(USERNAME_PATTERN, { error: 'field.username' });

/** At least 8 characters with a letter and a digit; at most 128. */
export const NewPassword = plainString()
  .max(128)
  .refine((value) => value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value), { error: 'field.password_weak' });

export const LoginInput = z
  .object({
    username: plainString().trim().min(1, { error: 'field.required' }).max(64),
    password: plainString().min(1, { error: 'field.required' }).max(128),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: plainString().min(1, { error: 'field.required' }).max(128),
    newPassword: NewPassword,
  })
  .strict()
  .refine((value) => value.currentPassword !== value.newPassword, { error: 'field.password_same', path: ['newPassword'] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    mustChangePassword: z.boolean(),
  }),
  school: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: SchoolKind }).nullable(),
  classes: z.array(z.object({ id: z.string(), grade: z.number().int(), name: z.string() })),
  /** The fever threshold (°C) lets the follow-up form flag an exception as the teacher types. */
  centre: z.object({ name: z.string(), timeZone: z.string(), feverThreshold: z.number() }),
});
export type Me = z.infer<typeof Me>;
