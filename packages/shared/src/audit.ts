import { z } from 'zod';
import { Id, IsoDay, PageQuery, pageOf, plainString } from './common.js';
import { Role } from './roles.js';
import { SchoolKind } from './schools.js';

const Day = z.string();
const ClassOf = z.object({ schoolKind: SchoolKind, grade: z.number().int(), name: z.string() });

/**
 * What an audit row's record is, looked up from the live record when the log
 * is read (the row holds only its id, never values), in parts the page puts
 * into words and links. `missing`: the record is gone (or the id names none).
 * People's names are masked (maskName).
 */
export const AuditRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('missing') }),
  z.object({ kind: z.literal('person'), personId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('follow_up'), personId: z.string(), name: z.string(), day: Day }),
  z.object({ kind: z.literal('daily_report'), schoolId: z.string(), schoolName: z.string(), day: Day, class: ClassOf.nullable() }),
  z.object({ kind: z.literal('case'), caseId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('check_in'), caseId: z.string(), name: z.string(), day: Day }),
  z.object({ kind: z.literal('school'), schoolId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('class'), classId: z.string(), schoolName: z.string(), class: ClassOf }),
  z.object({ kind: z.literal('account'), username: z.string() }),
  z.object({ kind: z.literal('census_category'), label: z.string(), labelEn: z.string() }),
  z.object({ kind: z.literal('settings') }),
  z.object({ kind: z.literal('supply_item'), name: z.string() }),
  z.object({ kind: z.literal('supply_request'), number: z.number().int(), schoolName: z.string() }),
  z.object({ kind: z.literal('transfer'), number: z.number().int(), schoolName: z.string() }),
  /** schoolId null: the centre's own store */
  z.object({ kind: z.literal('stock_movement'), itemName: z.string(), schoolId: z.string().nullable(), schoolName: z.string().nullable() }),
  z.object({ kind: z.literal('supply_target'), schoolId: z.string(), schoolName: z.string(), itemName: z.string() }),
]);
export type AuditRecord = z.infer<typeof AuditRecord>;

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
  /** null when the row names no record (a bulk action, a failed sign-in of an unknown name) or no kind the log resolves */
  record: AuditRecord.nullable(),
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
