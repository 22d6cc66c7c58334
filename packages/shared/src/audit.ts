import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.js';
import { Role } from './roles.js';

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: Role.nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date' });

export const AuditListQuery = PageQuery.extend({
  action: z.string().trim().max(60).optional(),
  username: z.string().trim().max(64).optional(),
  schoolId: Id.optional(),
  /** Days in the centre's time zone, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
}).strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
