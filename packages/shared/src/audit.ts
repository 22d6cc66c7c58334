import { z } from 'zod';
import { Id, IsoDay, PageQuery, pageOf, plainString } from './common.js';
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


export const AuditListQuery = PageQuery.extend({
  action: plainString().trim().max(60).optional(),
  username: plainString().trim().max(64).optional(),
  schoolId: Id.optional(),
  /** Days in the centre's time zone, inclusive. */
  from: IsoDay.optional(),
  to: IsoDay.optional(),
}).strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
