import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '@campus/shared';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createTownship } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

// Issue 13, defect 4: the observer (township health office) reads masked phones, no addresses and no free-text
// notes about health, on every detail route that carries them; the principal still reads them in full.

let ctx: TestContext;
let town: Awaited<ReturnType<typeof createTownship>>;
let observer: Client;
let principal: Client;
let teacher: Client;
let caseId: string;

const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');
const FREE_TEXT = ['家住新桥村3组12号', '对青霉素过敏', '咳嗽两天', '网课跟不上', '母亲说孩子很紧张', '已送镇卫生院', '居家隔离,早晚测温', '陈母 13912345678', '需要退烧药', '需要练习册', '谈心半小时', '夜里有点烧', '延长观察', '县医院隔离点'];

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  observer = await signIn(ctx.app, town.observer.username);
  principal = await signIn(ctx.app, town.a.principal.username);
  teacher = await signIn(ctx.app, town.a.teacher.username);
  const student = town.a.student;
  const updated = await principal.request('PATCH', `/api/people/${student.id}`, {
    phone: '13611112222',
    address: '家住新桥村3组12号',
    notes: '对青霉素过敏',
    guardians: [{ name: '陈母', relation: '母亲', phone: '13912345678' }, { name: '陈父', relation: '父亲', phone: '13787654321' }],
  });
  expect(updated.statusCode, updated.body).toBe(200);
  const fever = await teacher.request('PUT', `/api/follow-ups/${student.id}/${today()}`, {
    method: 'phone', reached: true, answeredBy: '母亲', temperature: 37.9, symptoms: ['fever', 'cough'], symptomNote: '咳嗽两天',
    whereabouts: 'home_township', studiedOnline: 'partly', studyNote: '网课跟不上', note: '母亲说孩子很紧张',
  });
  expect(fever.statusCode, fever.body).toBe(200);
  const handled = await principal.request('PUT', `/api/follow-ups/by-id/${fever.json().id}/handling`, { handlingNote: '已送镇卫生院' });
  expect(handled.statusCode, handled.body).toBe(200);
  const opened = await principal.request('POST', '/api/quarantine/cases', {
    personId: student.id, reason: 'other', reasonNote: '夜里有点烧', startDay: addDays(today(), -1), place: 'centralised_site', placeNote: '县医院隔离点',
    team: { leadId: town.a.principal.id }, plan: '居家隔离,早晚测温', guardianContact: '陈母 13912345678',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().id;
  const checkIn = await principal.request('POST', `/api/quarantine/cases/${caseId}/check-ins`, {
    day: today(), method: 'phone', temperature: 37.1, symptoms: ['cough'],
    living: { foodOk: false, suppliesOk: true, helpNeeded: '需要退烧药' }, study: { keepingUp: 'partly', materialsNeeded: '需要练习册' },
    mood: 'anxious', counsellingNote: '谈心半小时', needsHelp: true, note: '咳嗽两天',
  });
  expect(checkIn.statusCode, checkIn.body).toBe(201);
  const extended = await principal.request('POST', `/api/quarantine/cases/${caseId}/extend`, { plannedEndDay: addDays(today(), 20), reason: '延长观察' });
  expect(extended.statusCode, extended.body).toBe(200);
});

function expectNoFreeText(body: string) {
  for (const text of FREE_TEXT) expect(body, text).not.toContain(text);
  for (const phone of ['13611112222', '13912345678', '13787654321']) expect(body, phone).not.toContain(phone);
}

describe('the observer reads masked details', () => {
  it('person detail: masked phones, no address, no notes, no notes in the history', async () => {
    const response = await observer.request('GET', `/api/people/${town.a.student.id}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({ phone: '136****2222', guardianPhone: '139****5678', address: null, notes: null });
    expect(detail.guardians).toEqual([
      { name: '陈母', relation: '母亲', phone: '139****5678' },
      { name: '陈父', relation: '父亲', phone: '137****4321' },
    ]);
    expectNoFreeText(response.body);
    // the principal still reads them in full
    const full = (await principal.request('GET', `/api/people/${town.a.student.id}`)).json();
    expect(full).toMatchObject({ phone: '13611112222', address: '家住新桥村3组12号', notes: '对青霉素过敏', guardianPhone: '13912345678' });
  });

  it('case file: no plan, place note, guardian contact, reason note; check-ins without notes; history without notes', async () => {
    const response = await observer.request('GET', `/api/quarantine/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const file = response.json();
    expect(file).toMatchObject({ plan: null, placeNote: null, guardianContact: null, reasonNote: null, closeNote: null, reason: 'other', place: 'centralised_site' });
    expect(file.checkIns[0]).toMatchObject({ temperature: 37.1, symptoms: ['cough'], mood: 'anxious', needsHelp: true, counsellingNote: null, note: null, living: { foodOk: false, helpNeeded: null }, study: { keepingUp: 'partly', materialsNeeded: null } });
    expect(file.events.map((event: { note: string | null }) => event.note)).toEqual(file.events.map(() => null));
    expectNoFreeText(response.body);
    const full = (await principal.request('GET', `/api/quarantine/cases/${caseId}`)).json();
    expect(full).toMatchObject({ plan: '居家隔离,早晚测温', guardianContact: '陈母 13912345678' });
    expect(full.checkIns[0].counsellingNote).toBe('谈心半小时');
  });

  it('a school’s cases: help requests without their text', async () => {
    const response = await observer.request('GET', `/api/quarantine/school?schoolId=${town.a.school.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().help).toEqual([expect.objectContaining({ helpNeeded: null, materialsNeeded: null })]);
    expectNoFreeText(response.body);
  });

  it('a follow-up and the class worklist: no notes', async () => {
    const record = await observer.request('GET', `/api/follow-ups/${town.a.student.id}/${today()}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ temperature: 37.9, symptoms: ['fever', 'cough'], symptomNote: null, studyNote: null, note: null, handlingNote: null });
    expectNoFreeText(record.body);
    const worklist = await observer.request('GET', `/api/follow-ups/worklist?classId=${town.a.schoolClass.id}`);
    expect(worklist.statusCode).toBe(200);
    expectNoFreeText(worklist.body);
  });

  it('a school’s day: exceptions without notes', async () => {
    const response = await observer.request('GET', `/api/daily-reports/school-day?schoolId=${town.a.school.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().exceptions).toEqual([expect.objectContaining({ temperature: 37.9, note: null, handlingNote: null })]);
    expectNoFreeText(response.body);
  });
});
