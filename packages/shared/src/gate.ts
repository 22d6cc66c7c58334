import { z } from 'zod';
import { Id, IsoDay, optionalText, pageOf, PageQuery, plainString, text } from './common.js';
import { Temperature } from './follow-ups.js';
import { PhoneInput } from './people.js';

// 校门准入: the gate register (一问二测三登记) — ask, measure, register — for visitors and for the
// school's own people coming back; closed campus (封闭管理) with pre-approved visitors. ADR 0022.

export const GateEntryKind = z.enum(['visitor', 'person']);
export type GateEntryKind = z.infer<typeof GateEntryKind>;

/** Why the gate refused: fever (≥ the centre's threshold), a "yes" to an ask question, campus closed to visitors. */
export const GateRefusal = z.enum(['fever', 'answer', 'closed']);
export type GateRefusal = z.infer<typeof GateRefusal>;

export const GateAnswer = z.object({ question: z.string(), yes: z.boolean() });
export type GateAnswer = z.infer<typeof GateAnswer>;

/**
 * The gate's rule, the same in the browser (what the screen says before
 * saving) and on the server (what is stored): a fever first, then a "yes",
 * then a closed campus without a pre-approval. People of the school's roster
 * are not asked and are not kept out by 封闭管理: only a fever refuses them.
 */
export function gateDecision(entry: {
  kind: GateEntryKind;
  temperature: number;
  answers: readonly GateAnswer[];
  closed: boolean;
  approved: boolean;
  feverThreshold: number;
}): { refusal: GateRefusal | null; detail: string | null } {
  if (entry.temperature >= entry.feverThreshold) return { refusal: 'fever', detail: null };
  if (entry.kind === 'person') return { refusal: null, detail: null };
  const yes = entry.answers.find((answer) => answer.yes);
  if (yes) return { refusal: 'answer', detail: yes.question };
  if (entry.closed && !entry.approved) return { refusal: 'closed', detail: null };
  return { refusal: null, detail: null };
}

const schoolAndTemperature = { schoolId: Id, temperature: Temperature };

/** A visitor at the gate: who, why, whom; the centre's questions answered in order; the temperature. No ID number. */
export const GateVisitorInput = z
  .object({
    ...schoolAndTemperature,
    name: text(40),
    phone: PhoneInput,
    organisation: optionalText(60),
    reason: text(100),
    visiting: optionalText(40),
    /** one answer per question of the centre's list, in its order */
    answers: z.array(z.boolean()).max(20),
    /** a pre-approval of today (closed campus) */
    approvalId: Id.nullish().transform((value) => value ?? null),
  })
  .strict();
export type GateVisitorInput = z.infer<typeof GateVisitorInput>;

/** A student or staff member of the school coming back through the gate. */
export const GatePersonInput = z.object({ ...schoolAndTemperature, personId: Id }).strict();
export type GatePersonInput = z.infer<typeof GatePersonInput>;

export const GateEntry = z.object({
  id: z.string(),
  schoolId: z.string(),
  day: z.string(),
  kind: GateEntryKind,
  name: z.string(),
  /** masked in lists (138****5678) */
  phone: z.string().nullable(),
  organisation: z.string().nullable(),
  reason: z.string().nullable(),
  visiting: z.string().nullable(),
  answers: z.array(GateAnswer),
  approved: z.boolean(),
  /** a roster person: their class ("三年级2班") or null for staff */
  classLabel: z.string().nullable(),
  temperature: z.number(),
  refusal: GateRefusal.nullable(),
  refusalDetail: z.string().nullable(),
  inAt: z.string(),
  outAt: z.string().nullable(),
  /** a roster person's fever became an exception of the day for the class teacher */
  followUpCreated: z.boolean(),
  recordedByName: z.string(),
});
export type GateEntry = z.infer<typeof GateEntry>;

export const GateSchoolQuery = z.object({ schoolId: Id }).strict();
export type GateSchoolQuery = z.infer<typeof GateSchoolQuery>;

export const GateApproval = z.object({ id: z.string(), day: z.string(), name: z.string(), reason: z.string(), createdBy: z.string(), used: z.boolean() });
export type GateApproval = z.infer<typeof GateApproval>;

/** Today at the gate: the rules in force, who is inside, who left, who was refused, the people checked, today's approvals. */
export const GateToday = z.object({
  day: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  closed: z.boolean(),
  feverThreshold: z.number(),
  questions: z.array(z.string()),
  /** days the register is kept (the centre's setting) */
  retentionDays: z.number().int(),
  approvals: z.array(GateApproval),
  inside: z.array(GateEntry),
  left: z.array(GateEntry),
  refused: z.array(GateEntry),
  people: z.array(GateEntry),
});
export type GateToday = z.infer<typeof GateToday>;

export const GateSignOutInput = z
  .object({
    /** when the visitor left; now if absent */
    at: z.iso.datetime({ offset: true, error: 'field.date' }).optional(),
  })
  .strict();
export type GateSignOutInput = z.infer<typeof GateSignOutInput>;

export const GateSignedOut = z.object({ count: z.number().int() });
export type GateSignedOut = z.infer<typeof GateSignedOut>;

export const GateSettingsInput = z.object({ schoolId: Id, closed: z.boolean() }).strict();
export type GateSettingsInput = z.infer<typeof GateSettingsInput>;

export const GateApprovalInput = z.object({ schoolId: Id, day: IsoDay, name: text(40), reason: text(100) }).strict();
export type GateApprovalInput = z.infer<typeof GateApprovalInput>;

export const GateApprovalsQuery = z.object({ schoolId: Id, from: IsoDay.optional() }).strict();
export type GateApprovalsQuery = z.infer<typeof GateApprovalsQuery>;
export const GateApprovalList = z.object({ items: z.array(GateApproval) });
export type GateApprovalList = z.infer<typeof GateApprovalList>;

/** Someone of the school's roster to check at the gate: name and class only (gate staff see no roster details). */
export const GatePersonOption = z.object({ id: z.string(), name: z.string(), kind: z.enum(['student', 'staff']), classLabel: z.string().nullable() });
export const GatePeopleQuery = z.object({ schoolId: Id, q: plainString().trim().min(1).max(20) }).strict();
export type GatePeopleQuery = z.infer<typeof GatePeopleQuery>;
export const GatePeople = z.object({ items: z.array(GatePersonOption) });
export type GatePeople = z.infer<typeof GatePeople>;

/** The principal's register of a day, filtered. */
export const GateRegisterFilters = z
  .object({
    schoolId: Id,
    day: IsoDay,
    kind: GateEntryKind.optional(),
    /** allowed, refused, or still inside */
    state: z.enum(['allowed', 'refused', 'inside']).optional(),
    q: plainString().trim().max(20).optional(),
  })
  .strict();
export type GateRegisterFilters = z.infer<typeof GateRegisterFilters>;
export const GateRegisterQuery = GateRegisterFilters.extend(PageQuery.shape).strict();
export type GateRegisterQuery = z.infer<typeof GateRegisterQuery>;
export const GateRegisterPage = pageOf(GateEntry).extend({ total: z.number().int(), purged: z.boolean() });
export type GateRegisterPage = z.infer<typeof GateRegisterPage>;

/** A day's figures at one school's gate (kept after the register itself is deleted). */
export const GateCounts = z.object({
  visitors: z.number().int(),
  visitorsRefused: z.number().int(),
  people: z.number().int(),
  peopleRefused: z.number().int(),
  fever: z.number().int(),
  answer: z.number().int(),
  closed: z.number().int(),
});
export type GateCounts = z.infer<typeof GateCounts>;

export const GateCountsQuery = z.object({ to: IsoDay.optional(), days: z.coerce.number().int().min(1).max(62).default(7) }).strict();
export type GateCountsQuery = z.infer<typeof GateCountsQuery>;

/** The centre's view: visitors and refusals per school per day. */
export const GateCountsGrid = z.object({
  days: z.array(z.string()),
  today: z.string(),
  schools: z.array(z.object({ schoolId: z.string(), code: z.string(), name: z.string(), closed: z.boolean(), cells: z.array(GateCounts.extend({ day: z.string() })) })),
});
export type GateCountsGrid = z.infer<typeof GateCountsGrid>;

/** Refusals not yet seen: the principal's of their school, the centre's fevers of every school. */
export const GateAlertsQuery = z.object({ schoolId: Id.optional() }).strict();
export type GateAlertsQuery = z.infer<typeof GateAlertsQuery>;
export const GateAlert = GateEntry.extend({ schoolName: z.string() });
export type GateAlert = z.infer<typeof GateAlert>;
export const GateAlerts = z.object({ items: z.array(GateAlert) });
export type GateAlerts = z.infer<typeof GateAlerts>;
