// Issue 17 (停课不停学): a teacher's calls turn into the class's study figures, the class daily report carries them
// in the same filing, and the township's figures (kept per school and day by the FollowUp trigger) are the sum of
// the classes'. Bad input is refused in the user's language.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, type StudyFigures } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

let ctx: TestContext;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const save = (client: Client, personId: string, body: object, day = today()) => client.request('PUT', `/api/follow-ups/${personId}/${day}`, body);
const reached = { method: 'phone', reached: true, temperature: 36.6, symptoms: [], whereabouts: 'home_township' };

let classA: { id: string };
let classB: { id: string };
let classC: { id: string };
let schoolA: { id: string };
let a: { id: string }[];
let b: { id: string }[];
let teacherA: Client;
let teacherB: Client;
let teacherC: Client;
let principal: Client;
let centre: Client;
let observer: Client;

const none = { ill: 0, no_device: 0, no_network: 0, no_supervision: 0, other: 0, unspecified: 0 };
const figures = (values: Partial<Omit<StudyFigures, 'notStudyingBy'>> & { notStudyingBy?: Partial<StudyFigures['notStudyingBy']> }): StudyFigures => {
  const base = { enrolled: 0, reached: 0, studyingOnline: 0, studyingPaper: 0, studyingTv: 0, studyPartly: 0, notStudying: 0, unknown: 0, ...values };
  return { ...base, studying: base.studyingOnline + base.studyingPaper + base.studyingTv, notStudyingBy: { ...none, ...values.notStudyingBy } };
};

function sum(parts: StudyFigures[]): StudyFigures {
  const total = figures({});
  for (const part of parts) {
    for (const key of Object.keys(part) as (keyof StudyFigures)[]) {
      if (key === 'notStudyingBy') for (const reason of Object.keys(none) as (keyof typeof none)[]) total.notStudyingBy[reason] += part.notStudyingBy[reason];
      else total[key] += part[key];
    }
  }
  return total;
}

beforeAll(async () => {
  ctx = await setupTestApp();
  schoolA = await createSchool(ctx.db, { code: 'L01' });
  const schoolB = await createSchool(ctx.db, { code: 'L02' });
  const users = {
    a: await createUser(ctx.db, { role: 'class_teacher', schoolId: schoolA.id }),
    b: await createUser(ctx.db, { role: 'class_teacher', schoolId: schoolA.id }),
    c: await createUser(ctx.db, { role: 'class_teacher', schoolId: schoolB.id }),
  };
  classA = await createSchoolClass(ctx.db, { schoolId: schoolA.id, grade: 3, name: '1班', headTeacherId: users.a.id });
  classB = await createSchoolClass(ctx.db, { schoolId: schoolA.id, grade: 4, name: '1班', headTeacherId: users.b.id });
  classC = await createSchoolClass(ctx.db, { schoolId: schoolB.id, grade: 1, name: '1班', headTeacherId: users.c.id });
  a = [];
  for (let index = 0; index < 6; index += 1) a.push(await createPerson(ctx.db, { schoolId: schoolA.id, classId: classA.id }));
  b = [];
  for (let index = 0; index < 4; index += 1) b.push(await createPerson(ctx.db, { schoolId: schoolA.id, classId: classB.id }));
  const c = [await createPerson(ctx.db, { schoolId: schoolB.id, classId: classC.id }), await createPerson(ctx.db, { schoolId: schoolB.id, classId: classC.id })];
  const staff = await createPerson(ctx.db, { schoolId: schoolA.id, classId: null, kind: 'staff' });
  teacherA = await signIn(ctx.app, users.a.username);
  teacherB = await signIn(ctx.app, users.b.username);
  teacherC = await signIn(ctx.app, users.c.username);
  principal = await signIn(ctx.app, (await createUser(ctx.db, { role: 'principal', schoolId: schoolA.id })).username);
  centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
  observer = await signIn(ctx.app, (await createUser(ctx.db, { role: 'observer' })).username);

  const saved = [
    // class A: online (mode left out), paper, partly by TV, no device, no without a reason (as older clients send), not reached
    await save(teacherA, a[0]!.id, { ...reached, studiedOnline: 'yes' }),
    await save(teacherA, a[1]!.id, { ...reached, studiedOnline: 'yes', studyMode: 'paper' }),
    await save(teacherA, a[2]!.id, { ...reached, studiedOnline: 'partly', studyMode: 'tv' }),
    await save(teacherA, a[3]!.id, { ...reached, studiedOnline: 'no', notStudyingReason: 'no_device' }),
    await save(teacherA, a[4]!.id, { ...reached, studiedOnline: 'no' }),
    await save(teacherA, a[5]!.id, { method: 'phone', reached: false, unreachableCode: 'no_answer' }),
    // class B: online, ill, reached but the study question left blank; b[3] has no record
    await save(teacherB, b[0]!.id, { ...reached, studiedOnline: 'yes', studyMode: 'online' }),
    await save(teacherB, b[1]!.id, { ...reached, studiedOnline: 'no', notStudyingReason: 'ill' }),
    await save(teacherB, b[2]!.id, reached),
    // school B: no supervision, and one yesterday only
    await save(teacherC, c[0]!.id, { ...reached, studiedOnline: 'no', notStudyingReason: 'no_supervision' }),
    await save(teacherC, c[1]!.id, { ...reached, studiedOnline: 'yes', studyMode: 'tv' }, addDays(today(), -1)),
    // staff are not students: not in any study figure
    await save(principal, staff.id, { ...reached, studiedOnline: 'yes' }),
  ];
  for (const response of saved) expect(response.statusCode, response.body).toBe(200);
});

describe('the class’s study picture comes from the day’s calls', () => {
  it('counts by mode, partly, not studying by reason, unknown (no record or no answer)', async () => {
    const response = await teacherA.request('GET', `/api/learning/class?classId=${classA.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ day: today(), classId: classA.id, reportFiled: false });
    expect(response.json().figures).toEqual(
      figures({ enrolled: 6, reached: 5, studyingOnline: 1, studyingPaper: 1, studyingTv: 1, studyPartly: 1, notStudying: 2, notStudyingBy: { no_device: 1, unspecified: 1 }, unknown: 1 }),
    );
    const saved = await teacherA.request('GET', `/api/follow-ups/${a[0]!.id}/${today()}`);
    expect(saved.json()).toMatchObject({ studiedOnline: 'yes', studyMode: 'online', notStudyingReason: null });
  });

  it('the class daily report carries the same study counts, in the one filing', async () => {
    const filed = await teacherA.request('POST', '/api/daily-reports/class', { classId: classA.id, day: today() });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ total: 6, notStudying: 2, studyUnknown: 1, studyingOnline: 1, studyingPaper: 1, studyingTv: 1, studyPartly: 1 });
    expect((await teacherA.request('GET', `/api/learning/class?classId=${classA.id}`)).json().reportFiled).toBe(true);
  });

  it('an older record without a mode (studied online, as it meant then) is still valid and counts as online', async () => {
    const person = b[3]!;
    const teacherId = (await ctx.db.schoolClass.findUniqueOrThrow({ where: { id: classB.id } })).headTeacherId!;
    await ctx.db.followUp.create({
      data: { personId: person.id, day: new Date(`${today()}T00:00:00Z`), schoolId: schoolA.id, classId: classB.id, method: 'phone', reached: true, symptoms: [], studiedOnline: 'yes', isException: false, recordedById: teacherId, recordedByName: '老师' },
    });
    const record = await teacherB.request('GET', `/api/follow-ups/${person.id}/${today()}`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json()).toMatchObject({ studiedOnline: 'yes', studyMode: null });
    // saved again unchanged: nothing changes (no new version)
    const again = await save(teacherB, person.id, { ...reached, temperature: null, whereabouts: null, studiedOnline: 'yes' });
    expect(again.json().version).toBe(1);
    expect((await teacherB.request('GET', `/api/learning/class?classId=${classB.id}`)).json().figures).toEqual(
      figures({ enrolled: 4, reached: 4, studyingOnline: 2, notStudying: 1, notStudyingBy: { ill: 1 }, unknown: 1 }),
    );
  });
});

describe('the school and the township are the sum of their classes', () => {
  async function classFigures(): Promise<StudyFigures[]> {
    return Promise.all([classA, classB, classC].map(async (schoolClass) => (await centre.request('GET', `/api/learning/class?classId=${schoolClass.id}`)).json().figures));
  }

  it('the school: its classes’ rows, their sum, and the share of class reports filed', async () => {
    const response = await principal.request('GET', `/api/learning/school?schoolId=${schoolA.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    const [ofA, ofB] = await classFigures();
    expect(view.classes.map((row: { classId: string; figures: StudyFigures; reportFiled: boolean }) => [row.classId, row.figures, row.reportFiled])).toEqual([
      [classA.id, ofA, true],
      [classB.id, ofB, false],
    ]);
    expect(view.figures).toEqual(sum([ofA!, ofB!]));
    expect(view.classesReporting).toEqual({ classes: 2, filed: 1, percent: 50 });
  });

  it('the township, day by day and per school, agrees with the classes — also after a call is changed', async () => {
    const check = async () => {
      const response = await centre.request('GET', `/api/learning/township?from=${addDays(today(), -2)}&to=${today()}`);
      expect(response.statusCode, response.body).toBe(200);
      const range = response.json();
      const classes = await classFigures();
      expect(range.days.map((item: { day: string }) => item.day)).toEqual([addDays(today(), -2), addDays(today(), -1), today()]);
      expect(range.days[2].figures).toEqual(sum(classes));
      expect(range.days[2].classesReporting).toEqual({ classes: 3, filed: 1, percent: 33.3 });
      expect(range.schools.map((row: { figures: StudyFigures }) => row.figures)).toEqual([sum(classes.slice(0, 2)), classes[2]]);
      // yesterday: one student of school B studied by TV; everyone else unknown
      expect(range.days[1].figures).toEqual(figures({ enrolled: 12, reached: 1, studyingTv: 1, unknown: 11 }));
      return range;
    };
    await check();
    // the no-device student got a printed pack after all (a correction: the report is filed)
    const changed = await save(teacherA, a[3]!.id, { ...reached, studiedOnline: 'yes', studyMode: 'paper' });
    expect(changed.statusCode, changed.body).toBe(200);
    const range = await check();
    expect(range.days[2].figures.notStudyingBy.no_device).toBe(0);
    // observers get the same township aggregates, nothing per class
    const seen = await observer.request('GET', `/api/learning/township?from=${addDays(today(), -2)}&to=${today()}`);
    expect(seen.json()).toEqual(range);
    expect((await observer.request('GET', `/api/learning/class?classId=${classA.id}`)).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('a future day is refused in Chinese', async () => {
    const response = await teacherA.request('GET', `/api/learning/class?classId=${classA.id}&day=${addDays(today(), 1)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.day).toBe('不能查看未来日期的学习情况');
    const school = await principal.request('GET', `/api/learning/school?schoolId=${schoolA.id}&day=${addDays(today(), 1)}`);
    expect(school.statusCode).toBe(400);
    const township = await centre.request('GET', `/api/learning/township?to=${addDays(today(), 1)}`);
    expect(township.statusCode).toBe(400);
  });

  it('an end before the start, or a range too long, is refused', async () => {
    const response = await centre.request('GET', `/api/learning/township?from=${today()}&to=${addDays(today(), -3)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'validation_failed', fields: { to: '结束日期不能早于开始日期' } });
    const long = await centre.request('GET', `/api/learning/township?from=${addDays(today(), -200)}&to=${today()}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().fields.from).toBe('一次最多查看 120 天');
  });

  it('a reason not to study given with “yes”, or a mode with “no”, is refused and nothing is saved', async () => {
    const before = (await teacherA.request('GET', `/api/follow-ups/${a[0]!.id}/${today()}`)).json().version;
    const withYes = await save(teacherA, a[0]!.id, { ...reached, studiedOnline: 'yes', notStudyingReason: 'ill' });
    expect(withYes.statusCode).toBe(400);
    expect(withYes.json().fields.notStudyingReason).toBe('只有未参加学习时才填写未学习的原因');
    const withNo = await save(teacherA, a[0]!.id, { ...reached, studiedOnline: 'no', studyMode: 'tv' });
    expect(withNo.statusCode).toBe(400);
    expect(withNo.json().fields.studyMode).toBe('参加了学习时才选择学习方式');
    expect((await teacherA.request('GET', `/api/follow-ups/${a[0]!.id}/${today()}`)).json().version).toBe(before);
  });
});
