import ExcelJS from 'exceljs';
import { gradeLabel, reportBadge, reportStatus, type ReportKind, type ReportTiming } from '@campus/shared';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { observerView } from '../observer-view.js';
import { assertCan, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { Prisma } from '../../generated/prisma/client.js';
import { dateColumn, deadlineOf } from '../../db/days.js';
import { dayParam } from '../../db/day-sql.js';
import { exceptionsOf } from './views.js';

const STATE = { on_time: '按时', filed: '已报', late: '迟报', missing: '未报', open: '未报(未到截止)' } as const;

const KIND = { zero: '零报告', with_exceptions: '有异常' } as const;

/** A report's state and kind in words, as the screens say them (`reportBadge`). */
function stateWords(timing: ReportTiming, report: { kind: ReportKind; unreached: number } | null): { state: string; kind: string } {
  const badge = reportBadge(timing, report);
  const kind =
    badge.tag === 'zero' ? KIND.zero : badge.tag === 'on_behalf' ? `校长代报·未联系${badge.unreached}人` : badge.tag === 'unreached' ? `未联系上${badge.unreached}人` : report ? KIND.with_exceptions : '';
  return { state: STATE[badge.state], kind };
}
const SYMPTOMS: Record<string, string> = { fever: '发热', cough: '咳嗽', sore_throat: '咽痛', fatigue: '乏力', diarrhoea: '腹泻', shortness_of_breath: '气促', other: '其他' };
const COUNT_COLUMNS = [
  { header: '总人数', key: 'total', width: 8 },
  { header: '已联系', key: 'reached', width: 8 },
  { header: '未联系上', key: 'unreached', width: 9 },
  { header: '异常', key: 'exceptions', width: 6 },
  { header: '居家隔离', key: 'inQuarantine', width: 9 },
  { header: '在市外', key: 'outsideCity', width: 8 },
  { header: '未参加线上学习', key: 'notStudying', width: 14 },
  { header: '线上学习情况未知', key: 'studyUnknown', width: 16 },
  { header: '代报时未联系', key: 'notContacted', width: 12 },
];

/**
 * The day's report in the shape a centre sends up to the district: one sheet
 * with the township's summary, one per school (classes and exceptions).
 * Names of people with exceptions are personal data: the export is audited.
 */
export async function exportDailyReport(db: Db, actor: Actor, context: AuditContext, day: string): Promise<Buffer> {
  assertCan(actor, 'dailyReport.grid');
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
    { key: 'kind', width: 22 },
    ...COUNT_COLUMNS.map(({ key, width }) => ({ key, width })),
  ];
  summary.addRow(['代码', '学校', '报告状态', '提交时间', '报告类型', ...COUNT_COLUMNS.map((column) => column.header)]).font = { bold: true };
  const totals = Object.fromEntries(COUNT_COLUMNS.map((column) => [column.key, 0])) as Record<string, number>;
  for (const school of schools) {
    const report = reports.find((item) => item.level === 'school' && item.schoolId === school.id);
    const words = stateWords(reportStatus(report?.filedAt ?? null, deadline, now), report ?? null);
    if (report) for (const column of COUNT_COLUMNS) totals[column.key]! += report[column.key as keyof typeof report] as number;
    summary.addRow({
      code: school.code,
      name: school.name,
      status: words.state,
      kind: words.kind,
      filedAt: report ? report.filedAt.toLocaleString('zh-CN', { timeZone: centre.timeZone, hour12: false }) : '',
      ...Object.fromEntries(COUNT_COLUMNS.map((column) => [column.key, report ? (report[column.key as keyof typeof report] as number) : ''])),
    });
  }
  summary.addRow({ code: '', name: '合计(已报学校)', ...totals }).font = { bold: true };

  for (const school of schools) {
    const sheet = workbook.addWorksheet(`${school.code} ${school.name}`.slice(0, 31).replace(/[*?:\\/[\]]/g, ''));
    sheet.addRow([`${school.name} ${day}`]).font = { bold: true, size: 13 };
    sheet.columns = [{ key: 'class', width: 14 }, { key: 'status', width: 8 }, { key: 'kind', width: 22 }, ...COUNT_COLUMNS.map(({ key, width }) => ({ key, width }))];
    sheet.addRow(['班级', '报告', '报告类型', ...COUNT_COLUMNS.map((column) => column.header)]).font = { bold: true };
    for (const schoolClass of classes.filter((item) => item.schoolId === school.id)) {
      const report = reports.find((item) => item.classId === schoolClass.id);
      const words = report ? stateWords(report.late ? 'late' : 'on_time', report) : { state: '未报', kind: '' };
      sheet.addRow({
        class: `${gradeLabel(school.kind, schoolClass.grade, 'zh-CN')}${schoolClass.name}`,
        status: words.state,
        kind: words.kind,
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
