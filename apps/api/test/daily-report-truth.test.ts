// Issue 12: the daily report tells the truth. A report filed on behalf of a
// class is its own kind (代报) with the number not reached, never a zero report
// or a full 按时; every count of a day — the list header, the report dialog,
// filing, the school view, the grid, the export — comes from one computation.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInTimeZone, reportCountsFrom, type DayCounts } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';
import { rowTexts } from './helpers/sheet.js';

let ctx: TestContext;
let school: { id: string; code: string };
let mixedClass: { id: string };
let emptyClass: { id: string };
let mixed: { id: string }[];
let empty: { id: string }[];
let staff: { id: string };
let teacher: Client;
let emptyTeacher: Client;
let principal: Client;
let centre: Client;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const well = { method: 'phone', reached: true, temperature: 36.6, symptoms: [], whereabouts: 'home_township', studiedOnline: 'yes' };
const save = (client: Client, personId: string, body: object) => client.request('PUT', `/api/follow-ups/${personId}/${today()}`, body);

async function sheetRows(buffer: ArrayBuffer, sheet: number): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const rows: string[][] = [];
  workbook.worksheets[sheet]!.eachRow((row) => rows.push(rowTexts(row)));
  return rows;
}

beforeAll(async () => {
  ctx = await setupTestApp();
  school = await createSchool(ctx.db, { code: 'T01' });
  const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  const emptyTeacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
  mixedClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 3, name: '1班', headTeacherId: teacherUser.id });
  emptyClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 4, name: '2班', headTeacherId: emptyTeacherUser.id });
  mixed = [];
  for (let index = 0; index < 5; index += 1) mixed.push(await createPerson(ctx.db, { schoolId: school.id, classId: mixedClass.id }));
  empty = [];
  for (let index = 0; index < 3; index += 1) empty.push(await createPerson(ctx.db, { schoolId: school.id, classId: emptyClass.id }));
  staff = await createPerson(ctx.db, { schoolId: school.id, classId: null, kind: 'staff' });
  teacher = await signIn(ctx.app, teacherUser.username);
  emptyTeacher = await signIn(ctx.app, emptyTeacherUser.username);
  principal = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: school.id })).username);
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
});

describe('a mixed day: every screen counts the same', () => {
  let worklistCounts: DayCounts;

  it('the list header and the report dialog have the same figures (well, fever, not reached, study unknown, corrected)', async () => {
    expect((await save(teacher, mixed[0]!.id, well)).statusCode).toBe(200);
    expect((await save(teacher, mixed[1]!.id, { ...well, temperature: 38.2, symptoms: ['fever'] })).statusCode).toBe(200);
    expect((await save(teacher, mixed[2]!.id, { method: 'phone', reached: false, unreachableCode: 'phone_off' })).statusCode).toBe(200);
    // The one-tap "all well" without online study: not "studied", not "did not study" — unknown.
    expect((await save(teacher, mixed[3]!.id, { method: 'phone', reached: true, symptoms: [] })).statusCode).toBe(200);
    // Saved as not studying, then corrected to a cough.
    const first = await save(teacher, mixed[4]!.id, { ...well, studiedOnline: 'no' });
    expect((await save(teacher, mixed[4]!.id, { ...well, studiedOnline: 'no', symptoms: ['cough'], version: first.json().version })).statusCode).toBe(200);

    const list = (await teacher.request('GET', `/api/follow-ups/worklist?classId=${mixedClass.id}`)).json();
    worklistCounts = list.counts;
    expect(worklistCounts).toEqual({ total: 5, pending: 0, well: 2, exception: 2, unreachable: 1, reached: 4, inQuarantine: 0, outsideCity: 0, notStudying: 1, studyUnknown: 2, studyingOnline: 2, studyingPaper: 0, studyingTv: 0, studyPartly: 0 });
    // The header's "reached" is the statuses' reached (well + exception), never "has a record".
    expect(list.items.filter((item: { status: string }) => item.status === 'well' || item.status === 'exception')).toHaveLength(worklistCounts.reached);

    const filed = await teacher.request('POST', '/api/daily-reports/class', { classId: mixedClass.id, day: today() });
    expect(filed.statusCode, filed.body).toBe(201);
    // What the dialog previews (reportCountsFrom of the list's counts) is what is filed.
    expect(filed.json()).toMatchObject({ ...reportCountsFrom(worklistCounts), kind: 'incomplete' });
    expect(filed.json()).toMatchObject({ reached: 4, unreached: 1, notContacted: 0, exceptions: 2, notStudying: 1, studyUnknown: 2 });
  });

  it('the school view and the township totals read the same figures', async () => {
    const view = (await principal.request('GET', `/api/daily-reports/school-day?schoolId=${school.id}`)).json();
    const row = view.classes.find((item: { classId: string }) => item.classId === mixedClass.id);
    expect(row.progress).toEqual(worklistCounts);
    expect(row.report).toMatchObject(reportCountsFrom(worklistCounts));
    const grid = (await centre.request('GET', '/api/daily-reports/grid?days=1')).json();
    // The township: the mixed class, the empty class (3 nobody called) and the staff member (not yet called).
    expect(grid.totals).toMatchObject({ total: 9, reached: 4, unreachable: 1, pending: 4, exception: 2 });
  });
});

describe('a report filed on behalf of a class is its own state, never a zero report', () => {
  it('the principal files for an empty class: 代报 with the number not reached, everywhere', async () => {
    expect((await save(principal, staff.id, well)).statusCode).toBe(200);
    const filed = await principal.request('POST', '/api/daily-reports/school', {
      schoolId: school.id,
      day: today(),
      onBehalf: [{ classId: emptyClass.id, reason: '班主任外出培训' }],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ level: 'school', kind: 'on_behalf', onBehalfClasses: 1, total: 9, reached: 5, unreached: 4, notContacted: 3 });

    const classReport = await ctx.db.dailyReport.findFirstOrThrow({ where: { classId: emptyClass.id } });
    expect(classReport).toMatchObject({ kind: 'on_behalf', total: 3, reached: 0, unreached: 3, notContacted: 3, exceptions: 0 });

    // The class teacher's home / list: filed on behalf, 3 not reached.
    const list = (await emptyTeacher.request('GET', `/api/follow-ups/worklist?classId=${emptyClass.id}`)).json();
    expect(list.report).toMatchObject({ kind: 'on_behalf', unreached: 3 });
    expect(list.counts).toMatchObject({ total: 3, reached: 0, pending: 3 });

    // The centre's grid: filed on time, but on behalf — the cell carries the kind and the count.
    const grid = (await centre.request('GET', '/api/daily-reports/grid?days=1')).json();
    const cell = grid.schools.find((item: { schoolId: string }) => item.schoolId === school.id).cells[0];
    expect(cell).toMatchObject({ status: 'on_time', kind: 'on_behalf', unreached: 4 });

    // The export says 已报 (not 按时) and 校长代报 with the number, for the school and for the class.
    const response = await centre.request('GET', `/api/daily-reports/export?day=${today()}`);
    expect(response.statusCode).toBe(200);
    const buffer = response.rawPayload as unknown as ArrayBuffer;
    const summary = await sheetRows(buffer, 0);
    const header = summary.find((row) => row[0] === '代码')!;
    const schoolRow = summary.find((row) => row[0] === school.code)!;
    expect(schoolRow[header.indexOf('报告状态')]).toBe('已报');
    expect(schoolRow[header.indexOf('报告类型')]).toBe('校长代报·未联系4人');
    expect(schoolRow[header.indexOf('代报时未联系')]).toBe('3');
    expect(summary.flat()).not.toContain('零报告');
    const classRows = await sheetRows(buffer, 1);
    const classHeader = classRows.find((row) => row[0] === '班级')!;
    const emptyRow = classRows.find((row) => row[0]?.endsWith('2班'))!;
    expect(emptyRow[classHeader.indexOf('报告类型')]).toBe('校长代报·未联系3人');
    const mixedRow = classRows.find((row) => row[0]?.endsWith('1班'))!;
    expect(mixedRow[classHeader.indexOf('报告')]).toBe('按时');
    expect(mixedRow[classHeader.indexOf('报告类型')]).toBe('未联系上1人');
  });

  it('a complete report with nothing wrong is a zero report', async () => {
    const otherSchool = await createSchool(ctx.db, { code: 'T02' });
    const user = await createUser(ctx.db, { role: 'class_teacher', schoolId: otherSchool.id });
    const schoolClass = await createSchoolClass(ctx.db, { schoolId: otherSchool.id, grade: 1, headTeacherId: user.id });
    const students = [await createPerson(ctx.db, { schoolId: otherSchool.id, classId: schoolClass.id }), await createPerson(ctx.db, { schoolId: otherSchool.id, classId: schoolClass.id })];
    const client = await signIn(ctx.app, user.username);
    for (const student of students) expect((await save(client, student.id, well)).statusCode).toBe(200);
    const filed = await client.request('POST', '/api/daily-reports/class', { classId: schoolClass.id, day: today() });
    expect(filed.json()).toMatchObject({ kind: 'zero', total: 2, reached: 2, unreached: 0, studyUnknown: 0 });
  });

  it('two filings of the same report at once: one is filed, the other is told it already is (no 500)', async () => {
    const otherSchool = await createSchool(ctx.db, { code: 'T03' });
    const user = await createUser(ctx.db, { role: 'class_teacher', schoolId: otherSchool.id });
    const schoolClass = await createSchoolClass(ctx.db, { schoolId: otherSchool.id, grade: 2, headTeacherId: user.id });
    const student = await createPerson(ctx.db, { schoolId: otherSchool.id, classId: schoolClass.id });
    const client = await signIn(ctx.app, user.username);
    await save(client, student.id, well);
    const responses = await Promise.all(Array.from({ length: 4 }, () => client.request('POST', '/api/daily-reports/class', { classId: schoolClass.id, day: today() })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.statusCode === 409)) expect(refused.json()).toMatchObject({ statusCode: 409, code: 'conflict' });
    expect(await ctx.db.dailyReport.count({ where: { classId: schoolClass.id } })).toBe(1);
  });
});
