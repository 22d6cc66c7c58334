import crypto from 'node:crypto';
import {
  genderOfIdNumber,
  gradeLabel,
  ID_PROBLEM_KEYS,
  idNumberProblem,
  IMPORT_REQUIRED,
  ImportField,
  isValidPhone,
  matchHeader,
  normaliseIdNumber,
  normalisePhone,
  toHalfWidth,
  translate,
  type DeviceAccess,
  type Gender,
  type ImportCheck,
  type ImportMapping,
  type ImportResult,
  type ImportRow,
  type Language,
  type PersonKind,
  type Whereabouts,
} from '@campus/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { AppError, FieldError, ForbiddenError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { recordIdConflict } from '../id-conflicts.js';
import { actorName, scope, type Actor } from '../scope.js';
import { classSortKey, nameKeys, numberSortKey } from './keys.js';
import { readSheet, type SheetRows } from './parse.js';

/** What one valid row would write. Absent = the file says nothing (no change). */
interface RowValues {
  name: string;
  kind: PersonKind;
  gender?: Gender;
  idNumber?: string;
  classId?: string;
  studentNumber?: string;
  guardian?: { name: string; relation: string; phone: string | null };
  phone?: string;
  homeVillage?: string;
  address?: string;
  categoryId?: string;
  whereabouts?: Whereabouts;
  leftBehind?: boolean;
  deviceAccess?: DeviceAccess;
  notes?: string;
}

interface PlannedRow extends ImportRow {
  values?: RowValues;
  personId?: string;
}

const lookup = <T extends string>(table: Record<string, T>) => (raw: string): T | undefined => table[raw.replace(/\s/g, '').toLowerCase()];

const parseGender = lookup<Gender>({ 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female' });
const parseKind = lookup<PersonKind>({ 学生: 'student', 幼儿: 'student', student: 'student', 教职工: 'staff', 教师: 'staff', 职工: 'staff', 老师: 'staff', staff: 'staff' });
const parseBoolean = lookup<'true' | 'false'>({ 是: 'true', 否: 'false', y: 'true', n: 'false', yes: 'true', no: 'false', true: 'true', false: 'false', '1': 'true', '0': 'false', '√': 'true' });
const parseWhereabouts = lookup<Whereabouts>({
  本镇: 'home_township', 在家: 'home_township', 镇内: 'home_township', home_township: 'home_township',
  市内: 'in_city', 本市: 'in_city', 市内其他地方: 'in_city', in_city: 'in_city',
  市外: 'outside_city', 外地: 'outside_city', 市外返回: 'outside_city', outside_city: 'outside_city',
});
const parseDevice = lookup<DeviceAccess>({
  智能手机: 'smartphone', 手机: 'smartphone', smartphone: 'smartphone',
  平板: 'tablet', 平板电脑: 'tablet', tablet: 'tablet',
  电脑: 'computer', 计算机: 'computer', computer: 'computer',
  仅电视: 'tv_only', 电视: 'tv_only', tv_only: 'tv_only',
  无: 'none', 没有: 'none', none: 'none',
});

/** "三年级2班", "3年级2班", "3-2", "3.2", "小班1班" → the school's class. */
function classKeys(kind: 'primary' | 'middle' | 'kindergarten', grade: number, name: string): string[] {
  const section = name.replace(/班$/, '');
  return [
    `${gradeLabel(kind, grade, 'zh-CN')}${name}`,
    `${grade}年级${name}`,
    `${grade}-${section}`,
    `${grade}.${section}`,
    `${grade}${name}`,
    `${gradeLabel(kind, grade, 'zh-CN')}(${section})班`,
    `${grade}(${section})班`,
  ].map((key) => key.replace(/\s/g, '').toLowerCase());
}

export interface ImportInput {
  file: Buffer;
  fileName: string;
  schoolId: string;
  mapping?: ImportMapping;
}

/**
 * The row-by-row check before anything is saved: which rows add a person,
 * which update one (matched by ID number, else by student/staff number), which
 * change nothing, which are rejected and why.
 */
export async function checkImport(db: Db, actor: Actor, input: ImportInput, language: Language): Promise<ImportCheck & { planned: PlannedRow[] }> {
  const school = await db.school.findFirst({ where: { AND: [{ id: input.schoolId }, scope.schools(actor)] } });
  if (!school) throw new FieldError({ schoolId: 'field.invalid_value' });
  if (!['centre_admin', 'principal', 'class_teacher'].includes(actor.role)) throw new ForbiddenError();
  const sheet: SheetRows = await readSheet(input.file, input.fileName);

  const mapping = {} as ImportMapping;
  for (const field of ImportField.options) {
    const chosen = input.mapping?.[field];
    mapping[field] = chosen !== undefined ? (chosen && sheet.headers.includes(chosen) ? chosen : null) : (sheet.headers.find((header) => matchHeader(header) === field) ?? null);
  }
  const missingRequired = IMPORT_REQUIRED.filter((field) => !mapping[field]);
  const column = (field: ImportField) => (mapping[field] ? sheet.headers.indexOf(mapping[field]) : -1);
  const columns = Object.fromEntries(ImportField.options.map((field) => [field, column(field)])) as Record<ImportField, number>;

  // One after the other: on a transaction's single connection, concurrent queries are deprecated in pg (an error in pg 9).
  const classes = await db.schoolClass.findMany({ where: { schoolId: school.id, active: true }, select: { id: true, grade: true, name: true } });
  // Rows go only into classes the importer has in scope (a class teacher: the classes they head).
  const classesInScope = new Set((await db.schoolClass.findMany({ where: { AND: [{ schoolId: school.id, active: true }, scope.classes(actor)] }, select: { id: true } })).map((row) => row.id));
  const categories = await db.censusCategory.findMany({ where: { active: true } });
  const classByKey = new Map<string, (typeof classes)[number]>();
  for (const schoolClass of classes) for (const key of classKeys(school.kind, schoolClass.grade, schoolClass.name)) classByKey.set(key, schoolClass);
  const categoryByKey = new Map<string, string>();
  for (const category of categories) for (const key of [category.label, category.labelEn, category.code]) categoryByKey.set(key.replace(/\s/g, '').toLowerCase(), category.id);

  const t = (key: string, params: Record<string, string | number> = {}) => translate(key, language, params);
  const firstSeen = { idNumber: new Map<string, number>(), studentNumber: new Map<string, number>() };
  const planned: PlannedRow[] = [];

  for (const { row, cells } of sheet.rows) {
    const raw = (field: ImportField) => (columns[field] >= 0 ? cells[columns[field]]! : '');
    const value = (field: ImportField) => toHalfWidth(raw(field)).replace(/[\s\u00a0]+/g, ' ').trim();
    const problems: ImportRow['problems'] = [];
    const notes: string[] = [];
    const problem = (field: string, key: string, params: Record<string, string | number> = {}) => problems.push({ field, message: t(key, params) });

    const name = value('name').replace(/\s/g, '');
    if (!name) problem('name', 'import.missing_name');
    const values: RowValues = { name, kind: 'student' };

    const kindText = value('kind');
    if (kindText) {
      const kind = parseKind(kindText);
      if (kind) values.kind = kind;
      else problem('kind', 'import.unknown_value', { value: kindText });
    }
    const genderText = value('gender');
    if (genderText) {
      const gender = parseGender(genderText);
      if (gender) values.gender = gender;
      else problem('gender', 'import.unknown_value', { value: genderText });
    }
    const idRaw = raw('idNumber').trim();
    if (idRaw) {
      const idNumber = normaliseIdNumber(idRaw);
      if (idNumber !== idRaw) notes.push('idNumber');
      const idProblem = idNumberProblem(idNumber);
      if (idProblem) problem('idNumber', ID_PROBLEM_KEYS[idProblem]);
      else {
        values.idNumber = idNumber;
        values.gender ??= genderOfIdNumber(idNumber);
        const earlier = firstSeen.idNumber.get(idNumber);
        if (earlier) problem('idNumber', 'import.duplicate_in_file', { row: earlier });
        else firstSeen.idNumber.set(idNumber, row);
      }
    }
    const className = value('className');
    if (className) {
      const schoolClass = classByKey.get(className.replace(/\s/g, '').toLowerCase());
      if (!schoolClass) problem('className', 'import.unknown_class', { value: className });
      else if (!classesInScope.has(schoolClass.id)) problem('className', 'field.not_your_class');
      else values.classId = schoolClass.id;
    } else if (values.kind === 'student' && !problems.some((item) => item.field === 'className')) {
      problem('className', 'field.class_required');
    }
    if (actor.role === 'class_teacher' && values.kind === 'staff') problem('kind', 'field.not_your_class');
    const studentNumber = value('studentNumber').replace(/\s/g, '');
    if (studentNumber) {
      values.studentNumber = studentNumber;
      const earlier = firstSeen.studentNumber.get(studentNumber);
      if (earlier) problem('studentNumber', 'import.duplicate_in_file', { row: earlier });
      else firstSeen.studentNumber.set(studentNumber, row);
    }
    const phoneOf = (field: ImportField): string | null | undefined => {
      const text = value(field);
      if (!text) return undefined;
      const phone = normalisePhone(text);
      if (!isValidPhone(phone)) {
        problem(field, 'field.phone');
        return null;
      }
      if (phone !== text) notes.push(field);
      return phone;
    };
    // A guardian only with a name (docs/decisions/0013-import-guardians.md): a phone without one (the common
    // 联系电话 column) is the person's own contact phone, which the call list falls back to; never a made-up guardian.
    const guardianPhone = phoneOf('guardianPhone');
    const guardianName = value('guardianName');
    const guardianRelation = value('guardianRelation');
    const ownPhone = phoneOf('phone');
    if (guardianName) values.guardian = { name: guardianName, relation: guardianRelation || '监护人', phone: guardianPhone ?? null };
    else if (guardianRelation || (guardianPhone && ownPhone && ownPhone !== guardianPhone)) problem('guardianName', 'import.guardian_name_required');
    else if (guardianPhone) values.phone = guardianPhone;
    if (ownPhone) values.phone = ownPhone;
    if (value('homeVillage')) values.homeVillage = value('homeVillage');
    if (value('address')) values.address = value('address');
    if (value('notes')) values.notes = value('notes');
    const categoryText = value('category');
    if (categoryText) {
      const categoryId = categoryByKey.get(categoryText.replace(/\s/g, '').toLowerCase());
      if (categoryId) values.categoryId = categoryId;
      else problem('category', 'import.unknown_category', { value: categoryText });
    }
    const enumField = <T extends string>(field: ImportField, parse: (text: string) => T | undefined, assign: (parsed: T) => void) => {
      const text = value(field);
      if (!text) return;
      const parsed = parse(text);
      if (parsed) assign(parsed);
      else problem(field, 'import.unknown_value', { value: text });
    };
    enumField('whereabouts', parseWhereabouts, (parsed) => (values.whereabouts = parsed));
    enumField('leftBehind', parseBoolean, (parsed) => (values.leftBehind = parsed === 'true'));
    enumField('deviceAccess', parseDevice, (parsed) => (values.deviceAccess = parsed));

    planned.push({
      row,
      action: problems.length ? 'reject' : 'add',
      name: name || null,
      className: className || null,
      matchedBy: null,
      changes: [],
      problems,
      notes,
      values: problems.length ? undefined : values,
    });
  }

  await matchExisting(db, actor, school.id, planned, t);
  const counts = { add: 0, update: 0, unchanged: 0, reject: 0 };
  for (const row of planned) counts[row.action] += 1;
  const rows: ImportRow[] = planned.map((row) => ({
    row: row.row,
    action: row.action,
    name: row.name,
    className: row.className,
    matchedBy: row.matchedBy,
    changes: row.changes,
    problems: row.problems,
    notes: row.notes,
  }));
  const checksum = crypto.createHash('sha256').update(JSON.stringify({ mapping, rows: rows.map((row) => [row.row, row.action, row.changes, row.problems.length]) })).digest('hex');
  return { headers: sheet.headers, mapping, missingRequired, rows, counts, checksum, planned };
}

/**
 * Decides add / update / unchanged for valid rows against the roster. A row
 * may only name people the importer has in scope (scope.people): anyone else
 * it names, by ID number or by student number, reads as "not on your roster";
 * an ID number held in another school gets the one neutral message and goes
 * on the centre's conflict list, as when adding a person by hand.
 */
async function matchExisting(db: Db, actor: Actor, schoolId: string, planned: PlannedRow[], t: (key: string) => string) {
  const valid = planned.filter((row) => row.values);
  const idNumbers = valid.map((row) => row.values!.idNumber).filter((value): value is string => !!value);
  const studentNumbers = valid.map((row) => row.values!.studentNumber).filter((value): value is string => !!value);
  const existing = await db.person.findMany({
    where: { OR: [{ idNumber: { in: idNumbers } }, { schoolId, studentNumber: { in: studentNumbers } }] },
    include: { guardians: { orderBy: { position: 'asc' }, take: 1 } },
  });
  const byId = new Map(existing.filter((person) => person.idNumber).map((person) => [person.idNumber!, person]));
  const byNumber = new Map(existing.filter((person) => person.schoolId === schoolId && person.studentNumber).map((person) => [person.studentNumber!, person]));
  const visible = new Set(
    existing.length ? (await db.person.findMany({ where: { AND: [{ id: { in: existing.map((person) => person.id) } }, scope.people(actor)] }, select: { id: true } })).map((person) => person.id) : [],
  );
  const claimed = new Set<string>();
  for (const row of valid) {
    const values = row.values!;
    const withId = values.idNumber ? byId.get(values.idNumber) : undefined;
    const withNumber = values.studentNumber ? byNumber.get(values.studentNumber) : undefined;
    if (withId && !visible.has(withId.id)) {
      if (withId.schoolId === schoolId) row.problems.push({ field: 'idNumber', message: t('import.not_in_scope') });
      else {
        row.problems.push({ field: 'idNumber', message: t('field.id_unusable') });
        await recordIdConflict(db, actor, { schoolId, personId: withId.id, source: 'import' });
      }
    }
    if (withNumber && withNumber !== withId && !visible.has(withNumber.id)) row.problems.push({ field: 'studentNumber', message: t('import.not_in_scope') });
    let person = row.problems.length ? undefined : withId;
    row.matchedBy = person ? 'id_number' : null;
    // Matched by ID number, the file's student number belongs to someone else.
    if (person && withNumber && withNumber !== person) {
      row.problems.push({ field: 'studentNumber', message: t('field.student_number_taken') });
      person = undefined;
    }
    if (!person && !row.problems.length && withNumber) {
      person = withNumber;
      row.matchedBy = 'student_number';
      // A number match that carries another ID number is someone else.
      if (person.idNumber && values.idNumber && person.idNumber !== values.idNumber) {
        row.problems.push({ field: 'studentNumber', message: t('field.student_number_taken') });
        person = undefined;
      }
    }
    if (person && person.schoolId !== schoolId) {
      row.problems.push({ field: 'idNumber', message: t('field.id_taken') });
      person = undefined;
    }
    if (person && claimed.has(person.id)) {
      row.problems.push({ field: 'idNumber', message: t('import.duplicate_in_file') });
      person = undefined;
    }
    if (row.problems.length) {
      row.action = 'reject';
      row.values = undefined;
      continue;
    }
    if (!person) continue;
    claimed.add(person.id);
    row.personId = person.id;
    const guardian = person.guardians[0];
    const changes: string[] = [];
    const compare: [keyof RowValues, unknown][] = [
      ['name', person.name],
      ['kind', person.kind],
      ['gender', person.gender],
      ['idNumber', person.idNumber],
      ['classId', person.classId],
      ['studentNumber', person.studentNumber],
      ['phone', person.phone],
      ['homeVillage', person.homeVillage],
      ['address', person.address],
      ['categoryId', person.categoryId],
      ['whereabouts', person.whereabouts],
      ['leftBehind', person.leftBehind],
      ['deviceAccess', person.deviceAccess],
      ['notes', person.notes],
    ];
    for (const [field, current] of compare) if (values[field] !== undefined && values[field] !== current) changes.push(field);
    if (values.guardian && (!guardian || guardian.name !== values.guardian.name || guardian.relation !== values.guardian.relation || guardian.phone !== values.guardian.phone)) {
      changes.push('guardian');
    }
    row.changes = changes;
    row.action = changes.length ? 'update' : 'unchanged';
  }
}

/**
 * Imports the valid rows in one transaction. The check runs again on the same
 * file; if its result differs from the one the user confirmed (checksum), the
 * import is refused so nobody commits something they did not see. Importing
 * the same file twice changes nothing the second time.
 */
export async function commitImport(db: Db, actor: Actor, context: AuditContext, input: ImportInput & { checksum?: string }, language: Language): Promise<ImportResult> {
  const check = await checkImport(db, actor, input, language);
  if (check.missingRequired.length) throw new AppError(400, 'validation_failed', 'import.missing_columns', { columns: check.missingRequired.join(', ') });
  if (input.checksum && input.checksum !== check.checksum) throw new AppError(409, 'conflict', 'import.stale');
  const classes = await db.schoolClass.findMany({ where: { schoolId: input.schoolId }, select: { id: true, grade: true, name: true } });
  // classById serves the sort keys of new rows
  const classById = new Map(classes.map((schoolClass) => [schoolClass.id, schoolClass]));
  const defaultCategory = await db.censusCategory.findUnique({ where: { code: 'normal' }, select: { id: true } });
  const byName = await actorName(db, actor);

  const adds = check.planned.filter((row) => row.action === 'add');
  const updates = check.planned.filter((row) => row.action === 'update');
  await db.$transaction(
    async (tx) => {
      const people: Prisma.PersonCreateManyInput[] = [];
      const guardians: Prisma.GuardianCreateManyInput[] = [];
      const events: Prisma.PersonEventCreateManyInput[] = [];
      for (const row of adds) {
        const values = row.values!;
        const id = crypto.randomUUID();
        const keys = nameKeys(values.name);
        const { guardian, ...fields } = values;
        people.push({
          ...fields,
          id,
          schoolId: input.schoolId,
          categoryId: values.categoryId ?? defaultCategory?.id ?? null,
          ...keys,
          sortClass: classSortKey(values.classId ? classById.get(values.classId)! : null, keys.sortName),
          sortNumber: numberSortKey(values.studentNumber ?? null),
        });
        if (guardian) guardians.push({ ...guardian, personId: id, position: 0 });
        events.push({ personId: id, kind: 'imported', byUserId: actor.userId, byName });
      }
      if (people.length) await tx.person.createMany({ data: people });
      if (guardians.length) await tx.guardian.createMany({ data: guardians });
      for (const row of updates) {
        const values = row.values!;
        const { guardian, ...fields } = values;
        const data: Prisma.PersonUncheckedUpdateInput = {};
        for (const field of row.changes) if (field !== 'guardian') (data as Record<string, unknown>)[field] = fields[field as keyof typeof fields];
        Object.assign(data, nameKeys(values.name), values.studentNumber ? { sortNumber: numberSortKey(values.studentNumber) } : {});
        await tx.person.update({ where: { id: row.personId! }, data });
        if (guardian && row.changes.includes('guardian')) {
          await tx.guardian.upsert({
            where: { personId_position: { personId: row.personId!, position: 0 } },
            create: { ...guardian, personId: row.personId!, position: 0 },
            update: guardian,
          });
        }
        events.push({ personId: row.personId!, kind: row.changes.includes('categoryId') ? 'category_changed' : 'imported', byUserId: actor.userId, byName });
      }
      if (updates.length) {
        // Class order key after name or class changes (services/people/keys.ts: classSortKey).
        const ids = updates.map((row) => row.personId!);
        await tx.$executeRaw`UPDATE "Person" p SET "sortClass" = COALESCE(lpad(c.grade::text, 2, '0') || '|' || c.name, '99|~') || '|' || p."sortName"
          FROM "Person" q LEFT JOIN "SchoolClass" c ON c.id = q."classId" WHERE p.id = q.id AND p.id = ANY(${ids}::uuid[])`;
      }
      if (events.length) await tx.personEvent.createMany({ data: events });
      await recordAudit(tx, context, { action: 'person.import', entity: 'School', entityId: input.schoolId });
    },
    { timeout: 60_000 },
  );
  // A big import changes the table's shape at once; refresh the planner's statistics rather than wait for autovacuum.
  if (adds.length >= 500) await db.$executeRawUnsafe('ANALYZE "Person", "Guardian", "PersonEvent"');
  return { added: adds.length, updated: updates.length, unchanged: check.counts.unchanged, rejected: check.counts.reject };
}
