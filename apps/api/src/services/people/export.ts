import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { gradeLabel, idCheckCharacter, IMPORT_HEADERS, maskIdNumber, maskPhone, TEMPLATE_FIELDS, type PersonFilters } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { ForbiddenError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { observerView } from '../observer-view.js';
import type { Actor } from '../scope.js';
import { filtersSql } from './people.js';

const LABELS = {
  gender: { male: '男', female: '女' },
  kind: { student: '学生', staff: '教职工' },
  whereabouts: { home_township: '本镇', in_city: '市内', outside_city: '市外' },
  deviceAccess: { smartphone: '智能手机', tablet: '平板', computer: '电脑', tv_only: '仅电视', none: '无' },
} as const;

const EXPORT_COLUMNS = [
  { header: '学校', key: 'school', width: 18 },
  { header: '班级', key: 'className', width: 12 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '人员类别', key: 'kind', width: 8 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '学号', key: 'studentNumber', width: 12 },
  { header: '摸排分类', key: 'category', width: 16 },
  { header: '去向', key: 'whereabouts', width: 8 },
  { header: '留守儿童', key: 'leftBehind', width: 8 },
  { header: '学习设备', key: 'deviceAccess', width: 10 },
  { header: '监护人', key: 'guardianName', width: 10 },
  { header: '关系', key: 'guardianRelation', width: 6 },
  { header: '联系电话', key: 'guardianPhone', width: 14 },
  { header: '所在村', key: 'homeVillage', width: 10 },
  { header: '家庭住址', key: 'address', width: 28 },
  { header: '备注', key: 'notes', width: 20 },
];

const BATCH = 1000;

/**
 * The filtered roster as .xlsx with Chinese headers, streamed in batches so a
 * district-sized export never sits in memory at once. ID numbers and phones
 * are masked unless the centre asks for full numbers; either way it is audited.
 */
export async function exportRoster(db: Db, actor: Actor, context: AuditContext, filters: PersonFilters & { fullIdNumbers: boolean }): Promise<Readable> {
  if (filters.fullIdNumbers && actor.role !== 'centre_admin') throw new ForbiddenError();
  // The list's own filters (one writer: the export and the list cannot drift apart).
  const where = filtersSql(actor, filters);
  await recordAudit(db, context, { action: filters.fullIdNumbers ? 'person.export_full_id' : 'person.export', entity: 'Person', entityId: filters.schoolId ?? filters.classId });
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('名册');
  sheet.columns = EXPORT_COLUMNS;
  sheet.getRow(1).font = { bold: true };
  const full = filters.fullIdNumbers;
  void (async () => {
    let after: { sortClass: string; id: string } | null = null;
    for (;;) {
      const { rows, next }: Awaited<ReturnType<typeof fetchBatch>> = await fetchBatch(db, where, after);
      for (const person of rows) {
        const guardian = person.guardians[0];
        sheet
          .addRow(observerView.rosterRow(actor, {
            school: person.school.name,
            className: person.schoolClass ? `${gradeLabel(person.school.kind, person.schoolClass.grade, 'zh-CN')}${person.schoolClass.name}` : '',
            name: person.name,
            gender: person.gender ? LABELS.gender[person.gender] : '',
            kind: LABELS.kind[person.kind],
            idNumber: person.idNumber ? (full ? person.idNumber : maskIdNumber(person.idNumber)) : '',
            studentNumber: person.studentNumber ?? '',
            category: person.category?.label ?? '',
            whereabouts: LABELS.whereabouts[person.whereabouts],
            leftBehind: person.leftBehind ? '是' : '否',
            deviceAccess: person.deviceAccess ? LABELS.deviceAccess[person.deviceAccess] : '',
            guardianName: guardian?.name ?? '',
            guardianRelation: guardian?.relation ?? '',
            guardianPhone: guardian?.phone ? (full ? guardian.phone : maskPhone(guardian.phone)) : '',
            homeVillage: person.homeVillage ?? '',
            address: person.address ?? '',
            notes: person.notes ?? '',
          }))
          .commit();
      }
      if (!next) break;
      after = next;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** Who the next batch holds (checked in tests: db/sql.ts). */
const ChosenRow = z.object({ id: z.string(), sortClass: z.string() });

/**
 * The next batch in class order: which people by the list's SQL filters
 * (planned for their values, like a search), then their rows with school,
 * class, category and first guardian; `next` is where the batch after it
 * starts (null after the last).
 */
async function fetchBatch(db: Db, where: Prisma.Sql, after: { sortClass: string; id: string } | null) {
  const keyset = after ? Prisma.sql`AND (p."sortClass", p.id) > (${after.sortClass}, ${after.id}::uuid)` : Prisma.empty;
  const chosen = await sqlRows(
    db,
    Prisma.sql`SELECT p.id, p."sortClass" FROM "Person" p WHERE ${where} ${keyset} ORDER BY p."sortClass", p.id LIMIT ${BATCH}`,
    { planEachTime: true, row: ChosenRow },
  );
  const rows = chosen.length
    ? await db.person.findMany({
        where: { id: { in: chosen.map((row) => row.id) } },
        include: { school: { select: { name: true, kind: true } }, schoolClass: { select: { grade: true, name: true } }, category: { select: { label: true } }, guardians: { orderBy: { position: 'asc' }, take: 1 } },
        orderBy: [{ sortClass: 'asc' }, { id: 'asc' }],
      })
    : [];
  return { rows, next: chosen.length < BATCH ? null : chosen[chosen.length - 1]! };
}

/** The import template: the headers schools use, one example row, and a sheet explaining the values. */
export async function importTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.columns = TEMPLATE_FIELDS.map((field) => ({ header: IMPORT_HEADERS[field][0]!, key: field, width: field === 'idNumber' ? 22 : field === 'address' ? 28 : 12 }));
  sheet.getRow(1).font = { bold: true };
  // Text format keeps Excel from turning ID numbers and phone numbers into numbers.
  for (const field of ['idNumber', 'studentNumber', 'guardianPhone'] as const) sheet.getColumn(field).numFmt = '@';
  sheet.addRow({
    name: '王小明',
    gender: '男',
    idNumber: `50011820170315001${idCheckCharacter('50011820170315001')}`,
    className: '三年级1班',
    studentNumber: '2014001',
    kind: '学生',
    guardianName: '王建国',
    guardianRelation: '父亲',
    guardianPhone: '13800001234',
    homeVillage: '新桥村',
    address: '义和镇新桥村3组12号',
    category: '正常',
    whereabouts: '本镇',
    leftBehind: '否',
    deviceAccess: '智能手机',
    notes: '',
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ header: '列', key: 'column', width: 12 }, { header: '说明', key: 'help', width: 80 }];
  for (const [column, text] of [
    ['姓名', '必填'],
    ['身份证号', '18 位,末位可为 X;请保持本列为“文本”格式,避免被转成科学计数法'],
    ['班级', '如“三年级1班”“3-1”“小班1班”;教职工可留空'],
    ['人员类别', '学生 / 教职工,留空为学生'],
    ['摸排分类', '正常 / 市外返回 / 与湖北(武汉)来往人员接触 / 密切接触者 / 发热或身体不适 / 居家隔离'],
    ['去向', '本镇 / 市内 / 市外'],
    ['留守儿童', '是 / 否'],
    ['学习设备', '智能手机 / 平板 / 电脑 / 仅电视 / 无'],
  ]) help.addRow({ column, help: text });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
