/**
 * Duty reports (值班值守) with pictures (issue 15, ADR 0021): gate staff upload photos from a phone and file the
 * day's report; the centre sees the grid and opens the report with its pictures; nobody else sees them.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, type DutyGrid, type DutyReport, type Picture } from '@campus/shared';
import { purgeUnattachedPictures } from '../src/services/uploads.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createPerson, createTownship, createUser } from './helpers/factories.js';
import { signIn, signInTownship, type Client, type TownRole } from './helpers/http.js';
import { samplePhoto, uploadPictures, uploadedPictureId } from './helpers/pictures.js';

let ctx: TestContext;
let town: Awaited<ReturnType<typeof createTownship>>;
let as: Record<TownRole, Client>;
let principalB: Client;
const today = () => dayInTimeZone(new Date(), 'Asia/Shanghai');

beforeAll(async () => {
  ctx = await setupTestApp();
  town = await createTownship(ctx.db);
  as = await signInTownship(ctx.app, town);
  principalB = await signIn(ctx.app, town.b.principal.username);
});

const report = (schoolId: string, pictureIds: string[], overrides: Record<string, unknown> = {}) => ({
  schoolId,
  day: today(),
  start: '07:30',
  end: '18:00',
  checks: ['校门及周边巡查', '消毒工作检查'],
  nothingToReport: true,
  incidents: null,
  pictureIds,
  ...overrides,
});

async function fetchPicture(client: Client, url: string) {
  const response = await client.request('GET', url);
  return { response, body: response.rawPayload };
}

describe('a duty report with two photos', () => {
  let filed: DutyReport;

  it('gate staff upload a JPEG and a PNG from the phone: re-encoded to JPEG, location data gone, a thumbnail made', async () => {
    const jpeg = await samplePhoto({ width: 3000, height: 2000 });
    expect((await sharp(jpeg).metadata()).exif, 'the sample carries EXIF').toBeDefined();
    const upload = await uploadPictures(as.gate, town.a.school.id, [
      { name: '值班1.jpg', content: jpeg },
      { name: 'screenshot.png', content: await samplePhoto({ format: 'png', width: 800, height: 1600 }), type: 'image/png' },
    ]);
    expect(upload.statusCode, upload.body).toBe(201);
    const pictures = upload.json<{ items: Picture[] }>().items;
    expect(pictures).toHaveLength(2);
    expect(Math.max(pictures[0]!.width, pictures[0]!.height)).toBe(2048);

    const full = await fetchPicture(as.gate, pictures[0]!.url);
    expect(full.response.statusCode).toBe(200);
    expect(full.response.headers['content-type']).toBe('image/jpeg');
    expect(full.response.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(full.body).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif, 'EXIF (and its GPS position) is dropped').toBeUndefined();
    expect(full.body.includes(Buffer.from('secret-location-test'))).toBe(false);
    const thumb = await sharp((await fetchPicture(as.gate, pictures[1]!.thumbUrl)).body).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBe(320);

    const response = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, pictures.map((picture) => picture.id)));
    expect(response.statusCode, response.body).toBe(201);
    filed = response.json<DutyReport>();
    expect(filed.incidents).toBeNull();
    expect(filed.pictures.map((picture) => picture.id)).toEqual(pictures.map((picture) => picture.id));
    expect(filed.late).toBe(false);
  });

  it('the centre opens it with its pictures; another school, the observer and class teachers cannot', async () => {
    const seen = await as.centre.request('GET', `/api/duty/reports/${filed.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<DutyReport>().pictures).toHaveLength(2);
    expect((await fetchPicture(as.centre, filed.pictures[0]!.url)).response.statusCode).toBe(200);

    expect((await principalB.request('GET', `/api/duty/reports/${filed.id}`)).statusCode).toBe(404);
    for (const client of [principalB, as.observer, as.teacher]) {
      expect((await client.request('GET', filed.pictures[0]!.url)).statusCode).toBe(404);
      expect((await client.request('GET', filed.pictures[0]!.thumbUrl)).statusCode).toBe(404);
    }
    expect((await as.observer.request('GET', `/api/duty/reports/${filed.id}`)).statusCode).toBe(403);
  });

  it('the grid shows it filed on time, and a day without a report past its deadline as missing', async () => {
    const grid = await as.centre.request('GET', '/api/duty/grid?days=7');
    expect(grid.statusCode).toBe(200);
    const body = grid.json<DutyGrid>();
    const cell = (schoolId: string, day: string) => body.schools.find((school) => school.schoolId === schoolId)!.cells.find((item) => item.day === day)!;
    expect(cell(town.a.school.id, today())).toMatchObject({ status: 'on_time', reportId: filed.id, zero: true, pictures: 2 });
    expect(cell(town.b.school.id, addDays(today(), -3)).status).toBe('missing');
    expect(body.missing).toBeGreaterThanOrEqual(2 * 3);
    expect((await as.observer.request('GET', '/api/duty/grid')).statusCode).toBe(200);
    expect((await as.gate.request('GET', '/api/duty/grid')).statusCode).toBe(403);
  });

  it('a correction keeps the filing time, and a picture taken out is deleted', async () => {
    const kept = filed.pictures[0]!;
    const dropped = filed.pictures[1]!;
    const response = await as.principal.request('POST', '/api/duty/reports', report(town.a.school.id, [kept.id], { nothingToReport: false, incidents: '18:20 外来车辆劝离' }));
    expect(response.statusCode, response.body).toBe(200);
    const corrected = response.json<DutyReport>();
    expect(corrected.filedAt).toBe(filed.filedAt);
    expect(corrected.incidents).toBe('18:20 外来车辆劝离');
    expect(corrected.pictures.map((picture) => picture.id)).toEqual([kept.id]);
    expect((await as.centre.request('GET', dropped.url)).statusCode).toBe(404);
    expect(fs.existsSync(path.join(ctx.app.uploadsDir, `${dropped.id}.jpg`))).toBe(false);
  });
});

describe('what goes wrong says why, in the user’s language, and nothing is kept half-done', () => {
  it('a file that is not a picture, whatever its name', async () => {
    const response = await uploadPictures(as.gate, town.a.school.id, [{ name: '照片.jpg', content: Buffer.from('MZ this is a program, not a photo') }]);
    expect(response.statusCode).toBe(415);
    expect(response.json<{ message: string }>().message).toBe('“照片.jpg”不是图片:请选择 JPG、PNG、WebP 或 HEIC 照片');
  });

  it('a broken picture, a picture over 10 MB, seven pictures: refused, and the good ones before them are not kept', async () => {
    const before = await ctx.db.upload.count();
    const good = { name: 'ok.jpg', content: await samplePhoto({ width: 300, height: 200 }) };
    const broken = await uploadPictures(as.gate, town.a.school.id, [good, { name: 'half.jpg', content: good.content.subarray(0, 400) }]);
    expect(broken.statusCode).toBe(422);
    expect(broken.json<{ message: string }>().message).toContain('“half.jpg”无法打开');

    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024 + 10, 1)]);
    const tooLarge = await uploadPictures(as.gate, town.a.school.id, [good, { name: 'big.jpg', content: huge }], 'duty_report');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<{ message: string }>().message).toBe('“big.jpg”超过 10 MB');

    const seven = await uploadPictures(as.gate, town.a.school.id, Array.from({ length: 7 }, (_, index) => ({ ...good, name: `${index}.jpg` })));
    expect(seven.statusCode).toBe(400);
    expect(seven.json<{ message: string }>().message).toBe('一次最多上传 6 张照片');
    expect(await ctx.db.upload.count()).toBe(before);
    expect(fs.readdirSync(path.join(ctx.app.uploadsDir, '.incoming'))).toEqual([]);
  });

  it('pictures for another school, or someone else’s pictures, cannot be used', async () => {
    expect((await uploadPictures(as.gate, town.b.school.id, [{ name: 'x.jpg', content: await samplePhoto({ width: 100, height: 100 }) }])).statusCode).toBe(404);
    const principalsPicture = await uploadedPictureId(as.principal, town.a.school.id);
    const response = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [principalsPicture], { day: addDays(today(), -1) }));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ fields: Record<string, string> }>().fields.pictureIds).toBe('有照片不属于本校的这份报告,请重新添加');
    // the unattached picture is only its uploader's to see
    expect((await as.gate.request('GET', `/api/uploads/${principalsPicture}`)).statusCode).toBe(404);
    expect((await as.principal.request('GET', `/api/uploads/${principalsPicture}`)).statusCode).toBe(200);
  });

  it('a future day, another school, no picture, incidents left empty', async () => {
    const picture = await uploadedPictureId(as.gate, town.a.school.id);
    const future = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [picture], { day: addDays(today(), 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json<{ fields: Record<string, string> }>().fields.day).toBe('不能提交未来日期的值班报告');
    expect((await as.gate.request('POST', '/api/duty/reports', report(town.b.school.id, [picture]))).statusCode).toBe(404);
    const none = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, []));
    expect(none.json<{ fields: Record<string, string> }>().fields.pictureIds).toBe('请至少添加一张照片或截图');
    const empty = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [picture], { nothingToReport: false, incidents: '  ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ fields: Record<string, string> }>().fields.incidents).toBe('请填写值班情况,或选择“无异常(零报告)”');
  });

  it('two first filings of the same day at once: one is filed, the other answers without a 500', async () => {
    const day = addDays(today(), -2);
    const [first, second] = await Promise.all([uploadedPictureId(as.gate, town.a.school.id), uploadedPictureId(as.gate, town.a.school.id)]);
    const answers = await Promise.all([first, second].map((id) => as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [id], { day }))));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual(expect.arrayContaining([201]));
    for (const answer of answers) expect([200, 201, 409]).toContain(answer.statusCode);
    expect(await ctx.db.dutyReport.count({ where: { schoolId: town.a.school.id, day: new Date(`${day}T00:00:00Z`) } })).toBe(1);
  });

  it('a report filed after its deadline is late', async () => {
    const picture = await uploadedPictureId(as.gate, town.a.school.id);
    const response = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [picture], { day: addDays(today(), -5) }));
    expect(response.statusCode).toBe(201);
    expect(response.json<DutyReport>().late).toBe(true);
  });
});

describe('the duty roster', () => {
  it('the principal sets who is on duty; the report names them; only the school’s staff can be chosen', async () => {
    const duty = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: null, kind: 'staff', name: '值班张老师' });
    const leader = await createPerson(ctx.db, { schoolId: town.a.school.id, classId: null, kind: 'staff', name: '带班李校长' });
    const day = addDays(today(), -7);
    const saved = await as.principal.request('PUT', '/api/duty/roster', { schoolId: town.a.school.id, entries: [{ day, dutyPersonId: duty.id, leaderPersonId: leader.id }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const roster = await as.gate.request('GET', `/api/duty/roster?schoolId=${town.a.school.id}&from=${day}&days=7`);
    expect(roster.json<{ days: { dutyPerson: { name: string } | null }[] }>().days[0]!.dutyPerson?.name).toBe('值班张老师');

    const picture = await uploadedPictureId(as.gate, town.a.school.id);
    const filed = await as.gate.request('POST', '/api/duty/reports', report(town.a.school.id, [picture], { day }));
    expect(filed.json<DutyReport>()).toMatchObject({ onDutyName: '值班张老师', leaderName: '带班李校长' });

    const stranger = await createPerson(ctx.db, { schoolId: town.b.school.id, classId: null, kind: 'staff' });
    const refused = await as.principal.request('PUT', '/api/duty/roster', { schoolId: town.a.school.id, entries: [{ day, dutyPersonId: stranger.id, leaderPersonId: leader.id }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ fields: Record<string, string> }>().fields['entries.0.dutyPersonId']).toBe('值班人员和带班领导须为本校在册教职工');
    expect((await as.gate.request('PUT', '/api/duty/roster', { schoolId: town.a.school.id, entries: [{ day, dutyPersonId: null, leaderPersonId: null }] })).statusCode).toBe(403);
  });
});

describe('housekeeping', () => {
  it('pictures no record took are deleted after a day, with their files', async () => {
    const other = await createUser(ctx.db, { role: 'gate_duty', schoolId: town.a.school.id });
    const client = await signIn(ctx.app, other.username);
    const id = await uploadedPictureId(client, town.a.school.id);
    expect(await purgeUnattachedPictures(ctx.db, ctx.app.uploadsDir)).toBe(0);
    const removed = await purgeUnattachedPictures(ctx.db, ctx.app.uploadsDir, new Date(Date.now() + 25 * 3600_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.upload.findUnique({ where: { id } })).toBeNull();
    expect(fs.existsSync(path.join(ctx.app.uploadsDir, `${id}.jpg`))).toBe(false);
    // pictures a report took stay
    expect(await ctx.db.upload.count({ where: { dutyReportId: { not: null } } })).toBeGreaterThan(0);
  });

  it('what a process killed mid-upload left in .incoming is deleted after an hour; a file still arriving is kept', async () => {
    const incomingDir = path.join(ctx.app.uploadsDir, '.incoming');
    fs.mkdirSync(incomingDir, { recursive: true });
    const left = path.join(incomingDir, 'left-by-a-killed-upload');
    const arriving = path.join(incomingDir, 'arriving-now');
    fs.writeFileSync(left, 'half a photo');
    fs.writeFileSync(arriving, 'the start of a photo');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(left, twoHoursAgo, twoHoursAgo);

    await purgeUnattachedPictures(ctx.db, ctx.app.uploadsDir);
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(arriving)).toBe(true);
    fs.rmSync(arriving);
  });
});
