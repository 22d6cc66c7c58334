import { z } from 'zod';
import { Id, optionalText, plainString, text } from './common.js';
import { idNumberProblem, ID_PROBLEM_KEYS, normaliseIdNumber } from './id-number.js';
import { isValidPhone, normalisePhone } from './phone.js';

export const PersonKind = z.enum(['student', 'staff']);
export type PersonKind = z.infer<typeof PersonKind>;
export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;
/** 去向: at home in the township, elsewhere in the city, outside the city. */
export const Whereabouts = z.enum(['home_township', 'in_city', 'outside_city']);
export type Whereabouts = z.infer<typeof Whereabouts>;
/** Device for online study (停课不停学). */
export const DeviceAccess = z.enum(['smartphone', 'tablet', 'computer', 'tv_only', 'none']);
export type DeviceAccess = z.infer<typeof DeviceAccess>;
export const PersonStatus = z.enum(['active', 'left']);
export type PersonStatus = z.infer<typeof PersonStatus>;
export const LeftReason = z.enum(['graduated', 'transferred', 'other']);
export type LeftReason = z.infer<typeof LeftReason>;

export const IdNumberInput = z
  .string()
  .transform(normaliseIdNumber)
  .superRefine((value, context) => {
    const problem = idNumberProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: ID_PROBLEM_KEYS[problem] });
  });

export const PhoneInput = z
  .string()
  .transform(normalisePhone)
  .refine(isValidPhone, { error: 'field.phone' });

export const GuardianInput = z
  .object({
    name: text(40),
    relation: text(20),
    phone: PhoneInput.nullish().transform((value) => value ?? null),
  })
  .strict();
export type GuardianInput = z.infer<typeof GuardianInput>;

export const Guardian = z.object({ name: z.string(), relation: z.string(), phone: z.string().nullable() });

/** A person's fields without defaults, so a partial edit never resets what it does not mention. */
const PersonFields = z
  .object({
    schoolId: Id,
    classId: Id.nullish().transform((value) => value ?? null),
    kind: PersonKind,
    name: text(40),
    gender: Gender.nullish().transform((value) => value ?? null),
    idNumber: z
      .union([z.literal('').transform(() => null), IdNumberInput])
      .nullish()
      .transform((value) => value ?? null),
    studentNumber: optionalText(30),
    phone: z
      .union([z.literal('').transform(() => null), PhoneInput])
      .nullish()
      .transform((value) => value ?? null),
    homeVillage: optionalText(40),
    address: optionalText(120),
    categoryId: Id.nullish().transform((value) => value ?? null),
    whereabouts: Whereabouts,
    leftBehind: z.boolean(),
    deviceAccess: DeviceAccess.nullish().transform((value) => value ?? null),
    guardianCanUseDevice: z.boolean().nullish().transform((value) => value ?? null),
    notes: optionalText(500),
    guardians: z.array(GuardianInput).max(3),
  })
  .strict();

export const PersonInput = PersonFields.extend({
  whereabouts: Whereabouts.default('home_township'),
  leftBehind: z.boolean().default(false),
  guardians: z.array(GuardianInput).max(3).default([]),
}).strict();
export type PersonInput = z.input<typeof PersonInput>;
export type PersonData = z.output<typeof PersonInput>;

/** Edits: everything but the school (a transfer is its own act). */
export const PersonUpdate = PersonFields.omit({ schoolId: true }).partial().strict();
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const TransferInput = z.object({ schoolId: Id, classId: Id.nullish().transform((value) => value ?? null) }).strict();
export const LeaveInput = z.object({ reason: LeftReason, note: optionalText(200) }).strict();
export const ReturnInput = z.object({ classId: Id.nullish().transform((value) => value ?? null) }).strict();

export const CategoryRef = z.object({ id: z.string(), code: z.string(), label: z.string(), labelEn: z.string() });

export const PersonListItem = z.object({
  id: z.string(),
  kind: PersonKind,
  name: z.string(),
  gender: Gender.nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  classId: z.string().nullable(),
  grade: z.number().int().nullable(),
  className: z.string().nullable(),
  studentNumber: z.string().nullable(),
  category: CategoryRef.nullable(),
  whereabouts: Whereabouts,
  leftBehind: z.boolean(),
  deviceAccess: DeviceAccess.nullable(),
  guardianName: z.string().nullable(),
  /** masked: 138****5678 */
  guardianPhone: z.string().nullable(),
  status: PersonStatus,
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PersonEventKind = z.enum(['created', 'updated', 'imported', 'moved', 'transferred', 'left', 'returned', 'category_changed']);
export const PersonEvent = z.object({
  id: z.string(),
  kind: PersonEventKind,
  at: z.string(),
  byName: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toLabel: z.string().nullable(),
  note: z.string().nullable(),
});
export type PersonEvent = z.infer<typeof PersonEvent>;

export const PersonDetail = PersonListItem.extend({
  /** masked: first 6 and last 1 visible */
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  homeVillage: z.string().nullable(),
  address: z.string().nullable(),
  guardians: z.array(Guardian),
  guardianCanUseDevice: z.boolean().nullable(),
  notes: z.string().nullable(),
  leftAt: z.string().nullable(),
  leftReason: LeftReason.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(PersonEvent),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const RevealedIdNumber = z.object({ idNumber: z.string().nullable() });

export const PersonSort = z.enum(['name', 'studentNumber', 'class', 'updated']);
export const PersonFilters = z
  .object({
    schoolId: Id.optional(),
    classId: Id.optional(),
    kind: PersonKind.optional(),
    categoryId: Id.optional(),
    whereabouts: Whereabouts.optional(),
    leftBehind: z.boolean().optional(),
    deviceAccess: DeviceAccess.optional(),
    status: PersonStatus.default('active'),
    /** Name (汉字 or pinyin initials / full pinyin) or student number. */
    q: plainString().trim().max(40).optional(),
  })
  .strict();
export type PersonFilters = z.input<typeof PersonFilters>;

/** Sent as a POST body, so that names searched for never appear in URLs or logs. */
export const PersonSearch = PersonFilters.extend({
  sort: PersonSort.default('class'),
  cursor: plainString().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(50),
}).strict();
export type PersonSearch = z.input<typeof PersonSearch>;

/** `total` is counted on the first page (no cursor) only; keep it while paging. */
/** A list's total is counted up to this many; beyond it the page says "10,000+" (counting a district's 100,000 on every first page costs ~20 ms). */
export const ROSTER_TOTAL_CAP = 10_000;

export const PersonPage = z.object({
  items: z.array(PersonListItem),
  nextCursor: z.string().nullable(),
  /** Counted on the first page only; at most ROSTER_TOTAL_CAP. */
  total: z.number().int().nullable(),
  /** More than `total` match. */
  totalCapped: z.boolean(),
});
export type PersonPage = z.infer<typeof PersonPage>;

export const RosterSummary = z.object({
  total: z.number().int(),
  students: z.number().int(),
  staff: z.number().int(),
  leftBehind: z.number().int(),
  noDevice: z.number().int(),
  outsideCity: z.number().int(),
  byCategory: z.array(z.object({ category: CategoryRef.nullable(), count: z.number().int() })),
});
export type RosterSummary = z.infer<typeof RosterSummary>;

export const SchoolRosterCounts = z.object({
  items: z.array(
    z.object({
      schoolId: z.string(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      total: z.number().int(),
      students: z.number().int(),
      staff: z.number().int(),
      byCategory: z.record(z.string(), z.number().int()),
    }),
  ),
  categories: z.array(CategoryRef),
});
export type SchoolRosterCounts = z.infer<typeof SchoolRosterCounts>;

export const ExportRequest = PersonFilters.extend({ fullIdNumbers: z.boolean().default(false) }).strict();
export type ExportRequest = z.input<typeof ExportRequest>;

/**
 * A name as lists outside the roster show it: the first and last character
 * kept, the rest starred (王小明 → 王*明, 欧阳小明 → 欧**明, 王明 → 王*).
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return characters.join('');
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
