import ExcelJS from 'exceljs';
import { gradeLabel, reportStatus } from '@campus/shared';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { observerView } from '../observer-view.js';
import { assertRole, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { Prisma } from '../../generated/prisma/client.js';
import { dateColumn, deadlineOf } from '../follow-ups/days.js';
import { dayParam } from '../follow-ups/sql.js';
import { exceptionsOf } from './views.js';

const STATUS = { on_time: '按时', late: '迟报', missing: '未报', open: '未报(未到截止)' } as const;
const SYMPTOMS: Record<string, string> = { fever: '发热', cough: '咳嗽', sore_throat: '咽痛', fatigue: '乏力', diarrhoea: '腹泻', shortness_of_breath: '气促', other: '其他' };
const COUNT_COLUMNS = [
  { header: '总人数', key: 'total', width: 8 },
  { header: '已联系', key: 'reached', width: 8 },
  { header: '未联系上', key: 'unreached', width: 9 },
  { header: '异常', key: 'exceptions', width: 6 },
  { header: '居家隔离', key: 'inQuarantine', width: 9 },
  { header: '在市外', key: 'outsideCity', width: 8 },
  { header: '未参加线上学习', key: 'notStudying', width: 14 },
];

/**
 * The day's report in the shape a centre sends up to the district: one sheet
 * with the township's summary, one per school (classes and exceptions).
 * Names of people with exceptions are personal data: the export is audited.
 */
export async function exportDailyReport(db: Db, actor: Actor, context: AuditContext, day: string): Promise<Buffer> {
  assertRole(actor, ['centre_admin', 'observer']);
  const centre = await getCentre(db);
  const [schools, reports, classes, exceptions] = await Promise.all([
    db.school.findMany({ where: { active: true }, orderBy: { code: 'asc' } }),
    db.dailyReport.findMany({ where: { day: dateColumn(day) } }),
    db.schoolClass.findMany({ where: { active: true }, orderBy: [{ grade: 'asc' }, { name: 'asc' }] }),
    exceptionsOf(db, Prisma.sql`f.day = ${dayParam(day)}`),
  ]);
  await recordAudit(db, context, { action: 'daily_report.export', entity: 'DailyReport' });
  const deadline = deadlineOf(centre, day);
  const now = new Date();
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('全镇汇总');
  summary.addRow([`${centre.name} 疫情防控日报告 ${day}`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  summary.columns = [
    { key: 'code', width: 8 },
    { key: 'name', width: 20 },
    { key: 'status', width: 12 },
    { key: 'filedAt', width: 18 },
    { key: 'zero', width: 8 },
    ...COUNT_COLUMNS.map(({ key, width }) => ({ key, width })),
  ];
  summary.addRow(['代码', '学校', '报告状态', '提交时间', '零报告', ...COUNT_COLUMNS.map((column) => column.header)]).font = { bold: true };
  const totals = Object.fromEntries(COUNT_COLUMNS.map((column) => [column.key, 0])) as Record<string, number>;
  for (const school of schools) {
    const report = reports.find((item) => item.level === 'school' && item.schoolId === school.id);
    const status = reportStatus(report?.filedAt ?? null, deadline, now);
    if (report) for (const column of COUNT_COLUMNS) totals[column.key]! += report[column.key as keyof typeof report] as number;
    summary.addRow({
      code: school.code,
      name: school.name,
      status: STATUS[status],
      filedAt: report ? report.filedAt.toLocaleString('zh-CN', { timeZone: centre.timeZone, hour12: false }) : '',
      zero: report ? (report.isZero ? '是' : '否') : '',
      ...Object.fromEntries(COUNT_COLUMNS.map((column) => [column.key, report ? (report[column.key as keyof typeof report] as number) : ''])),
    });
  }
  summary.addRow({ code: '', name: '合计(已报学校)', ...totals }).font = { bold: true };

  for (const school of schools) {
    const sheet = workbook.addWorksheet(`${school.code} ${school.name}`.slice(0, 31).replace(/[*?:\\/[\]]/g, ''));
    sheet.addRow([`${school.name} ${day}`]).font = { bold: true, size: 13 };
    sheet.columns = [{ key: 'class', width: 14 }, { key: 'status', width: 16 }, ...COUNT_COLUMNS.map(({ key, width }) => ({ key, width }))];
    sheet.addRow(['班级', '报告', ...COUNT_COLUMNS.map((column) => column.header)]).font = { bold: true };
    for (const schoolClass of classes.filter((item) => item.schoolId === school.id)) {
      const report = reports.find((item) => item.classId === schoolClass.id);
      sheet.addRow({
        class: `${gradeLabel(school.kind, schoolClass.grade, 'zh-CN')}${schoolClass.name}`,
        status: report ? `${report.isZero ? '零报告' : '已报'}${report.onBehalfReason ? '(校长代报)' : ''}` : '未报',
        ...Object.fromEntries(COUNT_COLUMNS.map((column) => [column.key, report ? (report[column.key as keyof typeof report] as number) : ''])),
      });
    }
    const schoolExceptions = exceptions.filter((item) => item.schoolId === school.id).map((item) => observerView.exception(actor, item));
    sheet.addRow([]);
    sheet.addRow(['异常情况']).font = { bold: true };
    if (!schoolExceptions.length) sheet.addRow(['无']);
    else {
      sheet.addRow(['姓名', '班级', '体温', '症状', '记录人', '处置情况']).font = { bold: true };
      for (const item of schoolExceptions) {
        sheet.addRow([
          item.name,
          item.grade !== null ? `${gradeLabel(school.kind, item.grade, 'zh-CN')}${item.className}` : '教职工',
          item.temperature ?? '',
          item.symptoms.map((symptom) => SYMPTOMS[symptom] ?? symptom).join('、'),
          item.recordedByName,
          item.handlingNote ?? '',
        ]);
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
