import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  gradeLabel,
  maskIdNumber,
  maskPhone,
  PersonInput,
  PersonSearch,
  PersonUpdate,
  ROSTER_TOTAL_CAP,
  type IdNumberConflictSource,
  type LeftReason,
  type PersonDetail,
  type PersonFilters,
  type PersonListItem,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { idNumberHolders, recordIdConflict } from '../id-conflicts.js';
import { observerView } from '../observer-view.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import { classSortKey, likePattern, nameKeys, numberSortKey, searchPattern } from './keys.js';

type Tx = Prisma.TransactionClient;

export const listInclude = {
  school: { select: { name: true, kind: true } },
  schoolClass: { select: { grade: true, name: true } },
  category: { select: { id: true, code: true, label: true, labelEn: true } },
  guardians: { orderBy: { position: 'asc' }, take: 1 },
} as const satisfies Prisma.PersonInclude;
type ListRow = Prisma.PersonGetPayload<{ include: typeof listInclude }>;

export function toListItem(row: ListRow): PersonListItem {
  const guardian = row.guardians[0];
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    gender: row.gender,
    schoolId: row.schoolId,
    schoolName: row.school.name,
    classId: row.classId,
    grade: row.schoolClass?.grade ?? null,
    className: row.schoolClass?.name ?? null,
    studentNumber: row.studentNumber,
    category: row.category,
    whereabouts: row.whereabouts,
    leftBehind: row.leftBehind,
    deviceAccess: row.deviceAccess,
    guardianName: guardian?.name ?? null,
    guardianPhone: guardian?.phone ? maskPhone(guardian.phone) : null,
    status: row.status,
  };
}

const SORT_COLUMNS = {
  class: { column: Prisma.raw('p."sortClass"'), descending: false },
  name: { column: Prisma.raw('p."sortName"'), descending: false },
  studentNumber: { column: Prisma.raw('p."sortNumber"'), descending: false },
  updated: { column: Prisma.raw('p."updatedAt"'), descending: true },
} as const;

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // an unreadable cursor starts from the top
  }
  return null;
}

/**
 * The roster filters as SQL over `"Person" p`, scope first: the one writer of
 * them, read by the list, the summary and the export alike. The search is a
 * LIKE with `%`, `_` and `\\` escaped, so what is typed matches literally.
 */
export function filtersSql(actor: Actor, filters: PersonFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [scope.peopleSql(actor), Prisma.sql`p.status = ${filters.status ?? 'active'}::"PersonStatus"`];
  if (filters.schoolId) parts.push(Prisma.sql`p."schoolId" = ${filters.schoolId}::uuid`);
  if (filters.classId) parts.push(Prisma.sql`p."classId" = ${filters.classId}::uuid`);
  if (filters.kind) parts.push(Prisma.sql`p.kind = ${filters.kind}::"PersonKind"`);
  if (filters.categoryId) parts.push(Prisma.sql`p."categoryId" = ${filters.categoryId}::uuid`);
  if (filters.whereabouts) parts.push(Prisma.sql`p.whereabouts = ${filters.whereabouts}::"Whereabouts"`);
  if (filters.leftBehind !== undefined) parts.push(Prisma.sql`p."leftBehind" = ${filters.leftBehind}`);
  if (filters.deviceAccess) parts.push(Prisma.sql`p."deviceAccess" = ${filters.deviceAccess}::"DeviceAccess"`);
  const q = filters.q ? searchPattern(filters.q) : '';
  if (q) {
    const pattern = likePattern(q);
    parts.push(Prisma.sql`((p."searchText" LIKE ${`%${pattern}%`}${nameCharacters(q)}${twoLetters(q)}) OR p."studentNumber" LIKE ${`${pattern}%`})`);
  }
  return Prisma.join(parts, ' AND ');
}

/**
 * The Chinese characters of a search as a condition an index can serve: the
 * trigram index skips them (the database's C locale does not count them as
 * letters) and cannot serve a two-character search at all. Every Chinese
 * character of the search text comes from the name, so the condition follows
 * from the LIKE and changes no result; it is written after the LIKE, so
 * without a GIN index on string_to_array(name, NULL) it costs next to nothing.
 */
function nameCharacters(q: string): Prisma.Sql {
  const characters = [...new Set(q.match(/\p{Script=Han}/gu) ?? [])];
  return characters.length ? Prisma.sql` AND string_to_array(p.name, NULL) @> ${characters}::text[]` : Prisma.empty;
}

/**
 * A two-character search without Chinese characters (pinyin initials, two
 * digits) as a condition the bigram index can serve (pg_trgm needs three);
 * like `nameCharacters`, it follows from the LIKE and changes no result. The
 * two characters are their own only bigram, so they are passed as the array
 * `search_bigrams(q)` would make (which the planner would otherwise run, as a
 * query of its own, while planning each search).
 */
function twoLetters(q: string): Prisma.Sql {
  return [...q].length === 2 && !/\p{Script=Han}/u.test(q) ? Prisma.sql` AND p."searchBigrams" @> ${[q]}::text[]` : Prisma.empty;
}

/**
 * The roster statements' row (checked in tests: db/sql.ts): the page's [id, sort value] pairs (sort values are text:
 * the sort columns, or `updatedAt` as to_char writes it), the capped total (int4; null past the first page), and the
 * list items as the JSON text of an array (sent on as it is).
 */
const RosterPageRow = z.object({ page: z.array(z.tuple([z.string(), z.string()])), total: z.number().int().nullable(), items: z.string() });

/**
 * One page of the roster, keyset-paged on (sort key, id) so deep pages are as
 * fast and stable as the first. The total is counted on the first page only
 * (the client keeps it while paging). Hand-written SQL: the page's people
 * first (sort index, limit) with the total, then the list item each of them
 * carries, written as JSON by PostgreSQL when the person changed, and sent as
 * that text: this is the hottest read of the system, and building, parsing,
 * checking and re-writing 50 rows on every request cost more than finding them
 * (docs/decisions/0004-roster-sql.md, 0010, 0011). Returns the JSON text of a
 * `PersonPage`.
 */
export async function searchPeopleJson(db: Db, actor: Actor, search: z.output<typeof PersonSearch>): Promise<string> {
  const where = filtersSql(actor, search);
  const sort = SORT_COLUMNS[search.sort];
  const after = search.cursor ? decodeCursor(search.cursor) : null;
  const afterValue = after ? (search.sort === 'updated' ? new Date(after[0]) : after[0]) : null;
  const keyset = after
    ? sort.descending
      ? Prisma.sql`AND (${sort.column}, p.id) < (${afterValue}, ${after[1]}::uuid)`
      : Prisma.sql`AND (${sort.column}, p.id) > (${afterValue}, ${after[1]}::uuid)`
    : Prisma.empty;
  const direction = Prisma.raw(sort.descending ? 'DESC' : 'ASC');
  const sortValue = search.sort === 'updated' ? Prisma.sql`to_char(p."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sort.column;
  // The page's people in order, one more than asked to know whether there is a next page.
  const chosen = Prisma.sql`
    SELECT p.id, ${sort.column} AS "sortKey", ${sortValue} AS "sortValue"
    FROM "Person" p
    WHERE ${where} ${keyset}
    ORDER BY ${sort.column} ${direction}, p.id ${direction}
    LIMIT ${search.limit + 1}`;
  const inOrder = Prisma.sql`o."sortKey" ${direction}, o.id ${direction}`;
  const page = Prisma.sql`(SELECT coalesce(json_agg(json_build_array(o.id, o."sortValue") ORDER BY ${inOrder}), '[]') FROM o)`;
  const total = after ? Prisma.sql`NULL::int` : Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "Person" p WHERE ${where} LIMIT ${ROSTER_TOTAL_CAP + 1}) counted)`;
  // The list items of the people `o` (ids in o.id) in `order`, as the JSON text of an array: each person carries
  // their item but the first guardian's name and phone (masked), which the guardian carries and which go in before
  // the item's closing brace. Both are written whenever what they show changes (migration 20261129160000_person_list_item).
  const items = (o: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(
    SELECT '[' || coalesce(string_agg(
             left(p."listItem", -1) || coalesce(g."listFields", ', "guardianName": null, "guardianPhone": null') || '}',
             ',' ORDER BY ${order}), '') || ']'
    FROM ${o}
    JOIN "Person" p ON p.id = o.id
    LEFT JOIN "Guardian" g ON g."personId" = p.id AND g.position = 0)`;
  let found: z.infer<typeof RosterPageRow>;
  if (search.q || search.categoryId || search.whereabouts || search.deviceAccess) {
    // A search or a selective filter: which people, planned for its values (an index for few matches, the sort order
    // for many; a kept plan walked a district's 100,000 people in sort order for a rare name); then their rows, one
    // plan kept per connection (planning the whole statement each time cost twice as much).
    const [which] = await sqlRows(db, Prisma.sql`WITH o AS (${chosen}) SELECT ${page} AS page, ${total} AS total`, { planEachTime: true, row: RosterPageRow.omit({ items: true }) });
    const ids = which!.page.slice(0, search.limit).map(([id]) => id);
    // Nothing found (a search typed letter by letter often is): no second statement.
    const [read] = ids.length
      ? await sqlRows(db, Prisma.sql`SELECT ${items(Prisma.sql`unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, position)`, Prisma.sql`o.position`)} AS items`, { row: RosterPageRow.pick({ items: true }) })
      : [{ items: '[]' }];
    found = { ...which!, items: read!.items };
  } else {
    // The roster in its sort order: one statement, one plan kept per connection.
    const [row] = await sqlRows(
      db,
      Prisma.sql`WITH o AS MATERIALIZED (${chosen})
        SELECT ${page} AS page, ${items(Prisma.sql`(SELECT * FROM o ORDER BY ${inOrder} LIMIT ${search.limit}) o`, inOrder)} AS items, ${total} AS total`,
      { row: RosterPageRow },
    );
    found = row!;
  }
  const last = found.page[search.limit - 1];
  const nextCursor = found.page.length > search.limit && last ? encodeCursor(last[1], last[0]) : null;
  const counted = found.total === null ? null : Math.min(found.total, ROSTER_TOTAL_CAP);
  const capped = found.total !== null && found.total > ROSTER_TOTAL_CAP;
  return `{"items":${found.items},"nextCursor":${JSON.stringify(nextCursor)},"total":${JSON.stringify(counted)},"totalCapped":${capped}}`;
}

const detailInclude = {
  ...listInclude,
  guardians: { orderBy: { position: 'asc' } },
  events: { orderBy: { at: 'desc' }, take: 100 },
} as const satisfies Prisma.PersonInclude;

async function findPerson(db: Db | Tx, actor: Actor, id: string) {
  const row = await db.person.findFirst({ where: { AND: [{ id }, scope.people(actor)] }, include: detailInclude });
  if (!row) throw new NotFoundError('Person', id);
  return row;
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonDetail> {
  const row = await findPerson(db, actor, id);
  return observerView.person(actor, {
    ...toListItem(row),
    guardianPhone: row.guardians[0]?.phone ?? null,
    idNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
    birthDate: row.idNumber ? birthDateOfIdNumber(row.idNumber) : null,
    phone: row.phone,
    homeVillage: row.homeVillage,
    address: row.address,
    guardians: row.guardians.map((guardian) => ({ name: guardian.name, relation: guardian.relation, phone: guardian.phone })),
    guardianCanUseDevice: row.guardianCanUseDevice,
    notes: row.notes,
    leftAt: row.leftAt?.toISOString() ?? null,
    leftReason: row.leftReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    history: row.events.map((event) => ({
      id: event.id.toString(),
      kind: event.kind,
      at: event.at.toISOString(),
      byName: event.byName,
      fromLabel: event.fromLabel,
      toLabel: event.toLabel,
      note: event.note,
    })),
  });
}

/** The full ID number: a separate, audited act, for those who work with the person. */
export async function revealIdNumber(db: Db, actor: Actor, context: AuditContext, id: string): Promise<string | null> {
  const row = await findPerson(db, actor, id);
  assertCan(actor, 'people.revealIdNumber');
  await recordAudit(db, context, { action: 'person.reveal_id', entity: 'Person', entityId: row.id });
  return row.idNumber;
}

/** Who may write this person: the centre; the school's principal; a teacher for students of their classes. */
export async function assertCanWritePerson(db: Db | Tx, actor: Actor, target: { schoolId: string; classId: string | null; kind: string }): Promise<void> {
  if (actor.role === 'centre_admin') return;
  if (actor.role === 'principal' && actor.schoolId === target.schoolId) return;
  if (actor.role === 'class_teacher' && actor.schoolId === target.schoolId && target.kind === 'student' && target.classId) {
    const own = await db.schoolClass.count({ where: { id: target.classId, headTeacherId: actor.userId } });
    if (own) return;
    throw new FieldError({ classId: 'field.not_your_class' }, 403);
  }
  throw new ForbiddenError();
}

export interface ClassInfo {
  id: string;
  grade: number;
  name: string;
  schoolId: string;
  label: string;
}

export async function loadClass(db: Db | Tx, classId: string | null): Promise<ClassInfo | null> {
  if (!classId) return null;
  const row = await db.schoolClass.findUnique({ where: { id: classId }, include: { school: { select: { kind: true } } } });
  if (!row) return null;
  return { id: row.id, grade: row.grade, name: row.name, schoolId: row.schoolId, label: `${gradeLabel(row.school.kind, row.grade, 'zh-CN')}${row.name}` };
}

async function validateReferences(db: Db | Tx, data: { schoolId: string; classId: string | null; kind: string; categoryId: string | null }) {
  const schoolClass = await loadClass(db, data.classId);
  if (data.classId && (!schoolClass || schoolClass.schoolId !== data.schoolId)) throw new FieldError({ classId: 'field.class_other_school' });
  if (data.kind === 'student' && !data.classId) throw new FieldError({ classId: 'field.class_required' });
  if (data.categoryId && !(await db.censusCategory.count({ where: { id: data.categoryId, active: true } }))) {
    throw new FieldError({ categoryId: 'field.invalid_value' });
  }
  return schoolClass;
}

/**
 * ID number and student number free for this person. An ID number held by
 * someone the actor can see says so; one held out of their scope gets the one
 * neutral message whether it is held or not known (issue 13), and the attempt
 * goes on the centre's conflict list (services/id-conflicts.ts).
 */
async function assertUniqueIdentifiers(
  db: Db | Tx,
  actor: Actor,
  data: { schoolId: string; idNumber?: string | null; studentNumber?: string | null },
  source: IdNumberConflictSource,
  personId?: string,
) {
  const fields: Record<string, string> = {};
  const holder = data.idNumber ? (await idNumberHolders(db, actor, [data.idNumber], personId)).get(data.idNumber) : undefined;
  if (holder?.visible) fields.idNumber = 'field.id_taken';
  else if (holder) {
    fields.idNumber = 'field.id_unusable';
    await recordIdConflict(db, actor, { schoolId: data.schoolId, personId: holder.personId, source });
  }
  if (
    data.studentNumber &&
    (await db.person.count({ where: { schoolId: data.schoolId, studentNumber: data.studentNumber, NOT: personId ? { id: personId } : undefined } }))
  ) {
    fields.studentNumber = 'field.student_number_taken';
  }
  if (Object.keys(fields).length) throw new FieldError(fields, 409);
}

export async function defaultCategoryId(db: Db | Tx): Promise<string | null> {
  return (await db.censusCategory.findUnique({ where: { code: 'normal' }, select: { id: true } }))?.id ?? null;
}

export async function createPerson(db: Db, actor: Actor, context: AuditContext, raw: z.output<typeof PersonInput>): Promise<PersonDetail> {
  if (!(await db.school.count({ where: { AND: [{ id: raw.schoolId }, scope.schools(actor)] } }))) throw new FieldError({ schoolId: 'field.invalid_value' });
  await assertCanWritePerson(db, actor, raw);
  const categoryId = raw.categoryId ?? (await defaultCategoryId(db));
  const schoolClass = await validateReferences(db, { ...raw, categoryId });
  await assertUniqueIdentifiers(db, actor, raw, 'create');
  const byName = await actorName(db, actor);
  const id = await db.$transaction(async (tx) => {
    const keys = nameKeys(raw.name);
    const { guardians, ...fields } = raw;
    const person = await tx.person.create({
      data: {
        ...fields,
        categoryId,
        gender: raw.gender ?? (raw.idNumber ? genderOfIdNumber(raw.idNumber) : null),
        ...keys,
        sortClass: classSortKey(schoolClass, keys.sortName),
        sortNumber: numberSortKey(raw.studentNumber),
        guardians: { create: guardians.map((guardian, position) => ({ ...guardian, position })) },
        events: { create: { kind: 'created', byUserId: actor.userId, byName, toLabel: schoolClass?.label ?? null } },
      },
    });
    await recordAudit(tx, context, { action: 'person.create', entity: 'Person', entityId: person.id });
    return person.id;
  });
  return getPerson(db, actor, id);
}

export async function updatePerson(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof PersonUpdate>): Promise<PersonDetail> {
  const existing = await findPerson(db, actor, id);
  if (existing.status === 'left') throw new ConflictError('conflict.person_left');
  await assertCanWritePerson(db, actor, existing);
  const next = {
    schoolId: existing.schoolId,
    classId: input.classId !== undefined ? input.classId : existing.classId,
    kind: input.kind ?? existing.kind,
    categoryId: input.categoryId !== undefined ? (input.categoryId ?? (await defaultCategoryId(db))) : existing.categoryId,
  };
  if (next.classId !== existing.classId) await assertCanWritePerson(db, actor, next);
  const schoolClass = await validateReferences(db, next);
  await assertUniqueIdentifiers(db, actor, { schoolId: existing.schoolId, idNumber: input.idNumber, studentNumber: input.studentNumber }, 'update', id);
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    const { guardians, ...fields } = input;
    const name = input.name ?? existing.name;
    const keys = nameKeys(name);
    await tx.person.update({
      where: { id },
      data: {
        ...fields,
        categoryId: next.categoryId,
        ...keys,
        sortClass: classSortKey(schoolClass, keys.sortName),
        sortNumber: numberSortKey(input.studentNumber !== undefined ? input.studentNumber : existing.studentNumber),
      },
    });
    if (guardians) {
      await tx.guardian.deleteMany({ where: { personId: id } });
      await tx.guardian.createMany({ data: guardians.map((guardian, position) => ({ ...guardian, position, personId: id })) });
    }
    const events: Prisma.PersonEventCreateManyInput[] = [];
    if (next.classId !== existing.classId) {
      const from = await loadClass(tx, existing.classId);
      events.push({ personId: id, kind: 'moved', byUserId: actor.userId, byName, fromLabel: from?.label ?? null, toLabel: schoolClass?.label ?? null });
    }
    if (next.categoryId !== existing.categoryId) {
      const to = next.categoryId ? await tx.censusCategory.findUnique({ where: { id: next.categoryId } }) : null;
      events.push({ personId: id, kind: 'category_changed', byUserId: actor.userId, byName, fromLabel: existing.category?.label ?? null, toLabel: to?.label ?? null });
    }
    const otherFields = Object.keys(input).filter((key) => key !== 'classId' && key !== 'categoryId');
    if (otherFields.length) events.push({ personId: id, kind: 'updated', byUserId: actor.userId, byName });
    if (events.length) await tx.personEvent.createMany({ data: events });
    await recordAudit(tx, context, { action: next.classId !== existing.classId ? 'person.move' : 'person.update', entity: 'Person', entityId: id });
  });
  return getPerson(db, actor, id);
}

/** Moves a person to another school (centre only); their history goes with them. */
export async function transferPerson(db: Db, actor: Actor, context: AuditContext, id: string, input: { schoolId: string; classId: string | null }): Promise<PersonDetail> {
  const existing = await findPerson(db, actor, id);
  assertCan(actor, 'people.transfer');
  if (input.schoolId === existing.schoolId) throw new FieldError({ schoolId: 'field.same_school' });
  const target = await db.school.findUnique({ where: { id: input.schoolId }, select: { id: true, name: true, active: true } });
  if (!target) throw new FieldError({ schoolId: 'field.invalid_value' });
  if (!target.active) throw new FieldError({ schoolId: 'field.school_inactive' });
  const schoolClass = await validateReferences(db, { schoolId: input.schoolId, classId: input.classId, kind: existing.kind, categoryId: null });
  await assertUniqueIdentifiers(db, actor, { schoolId: input.schoolId, studentNumber: existing.studentNumber }, 'update', id);
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id }, data: { schoolId: input.schoolId, classId: input.classId, sortClass: classSortKey(schoolClass, existing.sortName) } });
    await tx.personEvent.create({
      data: { personId: id, kind: 'transferred', byUserId: actor.userId, byName, fromLabel: existing.school.name, toLabel: `${target.name}${schoolClass ? ` ${schoolClass.label}` : ''}` },
    });
    await recordAudit(tx, context, { action: 'person.transfer', entity: 'Person', entityId: id });
  });
  return getPerson(db, actor, id);
}

/** Marks a person as left (graduated, transferred out, …); the record and its history stay. */
export async function markLeft(db: Db, actor: Actor, context: AuditContext, id: string, input: { reason: LeftReason; note: string | null }): Promise<PersonDetail> {
  const existing = await findPerson(db, actor, id);
  await assertCanWritePerson(db, actor, existing);
  if (existing.status === 'left') throw new ConflictError('conflict.person_left');
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id }, data: { status: 'left', leftAt: new Date(), leftReason: input.reason } });
    await tx.personEvent.create({ data: { personId: id, kind: 'left', byUserId: actor.userId, byName, note: input.note, toLabel: input.reason } });
    await recordAudit(tx, context, { action: 'person.leave', entity: 'Person', entityId: id });
  });
  return getPerson(db, actor, id);
}

/** Brings a person who had left back onto the roster. */
export async function markReturned(db: Db, actor: Actor, context: AuditContext, id: string, input: { classId: string | null }): Promise<PersonDetail> {
  const existing = await findPerson(db, actor, id);
  const classId = input.classId ?? existing.classId;
  await assertCanWritePerson(db, actor, { ...existing, classId });
  const schoolClass = await validateReferences(db, { schoolId: existing.schoolId, classId, kind: existing.kind, categoryId: null });
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id }, data: { status: 'active', leftAt: null, leftReason: null, classId, sortClass: classSortKey(schoolClass, existing.sortName) } });
    await tx.personEvent.create({ data: { personId: id, kind: 'returned', byUserId: actor.userId, byName, toLabel: schoolClass?.label ?? null } });
    await recordAudit(tx, context, { action: 'person.return', entity: 'Person', entityId: id });
  });
  return getPerson(db, actor, id);
}
