import { Flex, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolDayView, SchoolKind } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { useClassLabel } from '@/features/classes';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { ProgressSummary } from './progress-summary';
import { badgeOf, ReportStatusTags } from './report-status';

export type ClassDay = SchoolDayView['classes'][number];

interface ClassTableProps {
  view: SchoolDayView;
  kind: SchoolKind | undefined;
  /** The principal opens a class's worklist from here. */
  worklistHref?: (schoolClass: ClassDay) => string;
}

/** Every class of the school: head teacher, today's calls, the class report (who filed it, when, on time or not). */
export function ClassTable({ view, kind, worklistHref }: ClassTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const classLabel = useClassLabel();
  const timeZone = me.centre.timeZone;

  const label = (row: ClassDay) => classLabel(kind, row.grade, row.name);
  const title = (row: ClassDay, className?: string) =>
    worklistHref ? (
      <Link to={worklistHref(row)} className={className}>
        {label(row)}
      </Link>
    ) : (
      <span className={className}>{label(row)}</span>
    );
  const report = (row: ClassDay) => (
    <Space orientation="vertical" size={2}>
      <ReportStatusTags badge={badgeOf(row.report, view.deadline)} />
      {row.report ? (
        <Typography.Text type="secondary" className="report-by">
          {t('dailyReports.classes.filedBy', { name: row.report.filedByName, time: formatDateTime(row.report.filedAt, language, timeZone) })}
        </Typography.Text>
      ) : null}
      {row.report?.onBehalfReason ? (
        <Typography.Text type="secondary" className="report-by">
          {t('dailyReports.classes.onBehalfReason', { reason: row.report.onBehalfReason })}
        </Typography.Text>
      ) : null}
    </Space>
  );
  const teacher = (row: ClassDay) => row.headTeacherName ?? t('dailyReports.classes.noHeadTeacher');

  const columns: TableColumnsType<ClassDay> = [
    { title: t('dailyReports.classes.class'), key: 'class', render: (_value, row) => <span className="nowrap">{title(row)}</span> },
    { title: t('dailyReports.classes.headTeacher'), key: 'teacher', render: (_value, row) => teacher(row) },
    { title: t('dailyReports.classes.progress'), key: 'progress', render: (_value, row) => <ProgressSummary progress={row.progress} label={label(row)} /> },
    { title: t('dailyReports.classes.report'), key: 'report', render: (_value, row) => report(row) },
  ];

  return (
    <DataList
      items={view.classes}
      rowKey={(row) => row.classId}
      columns={columns}
      label={t('dailyReports.classes.title')}
      emptyText={t('dailyReports.classes.empty')}
      paginate={false}
      renderCard={(row) => (
        <Space orientation="vertical" size={6} className="card-body">
          <Flex justify="space-between" align="center" gap={8} wrap>
            {title(row, 'card-title-link')}
            <Typography.Text type="secondary">{teacher(row)}</Typography.Text>
          </Flex>
          <ProgressSummary progress={row.progress} label={label(row)} />
          {report(row)}
        </Space>
      )}
    />
  );
}
