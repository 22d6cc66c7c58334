import { z } from 'zod';
import { Username } from './auth.js';
import { Id, plainString, text } from './common.js';
import { Role } from './roles.js';

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const AccountInput = z
  .object({
    username: Username,
    displayName: text(40),
    role: Role,
    schoolId: Id.nullable().optional(),
  })
  .strict();
export type AccountInput = z.infer<typeof AccountInput>;

export const AccountUpdate = z
  .object({ displayName: text(40), disabled: z.boolean() })
  .partial()
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const AccountListQuery = z
  .object({
    schoolId: Id.optional(),
    role: Role.optional(),
    q: plainString().trim().max(40).optional(),
    includeDisabled: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  })
  .strict();

export const AccountList = z.object({ items: z.array(Account) });

/** A new or reset account: the one-time password is shown once and never stored in clear. */
export const AccountWithPassword = z.object({ account: Account, oneTimePassword: z.string() });
export type AccountWithPassword = z.infer<typeof AccountWithPassword>;
