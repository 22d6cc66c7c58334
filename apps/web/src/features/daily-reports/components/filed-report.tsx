import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DailyReport, SchoolDayView, SchoolKind } from '@campus/shared';
import { useClassLabel } from '@/features/classes';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { ReportCounts } from './report-counts';
import { badgeOf, ReportStatusTags } from './report-status';

/** The filed school report: the counts, status, who and when, the note, and the classes filed on their behalf. */
export function FiledReport({ report, view, kind }: { report: DailyReport; view: SchoolDayView; kind: SchoolKind | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isPhone = useIsPhone();
  const me = useSession();
  const classLabel = useClassLabel();
  const onBehalf = view.classes.filter((schoolClass) => schoolClass.report?.onBehalfReason);
  const wide = isPhone ? 1 : 2;

  return (
    <>
      <ReportCounts counts={report} label={t('dailyReports.report.counts')} />
      <Descriptions bordered size="small" column={wide} className="filed-report">
        <Descriptions.Item label={t('dailyReports.report.status')} span={wide}>
          <ReportStatusTags badge={badgeOf(report, view.deadline)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('dailyReports.report.filedBy')}>{report.filedByName}</Descriptions.Item>
        <Descriptions.Item label={t('dailyReports.report.filedAt')}>{formatDateTime(report.filedAt, language, me.centre.timeZone)}</Descriptions.Item>
        <Descriptions.Item label={t('dailyReports.report.note')} span={wide}>
          {report.note ? <span className="pre-wrap">{report.note}</span> : <Typography.Text type="secondary">{t('dailyReports.report.noNote')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('dailyReports.report.onBehalf')} span={wide}>
          {onBehalf.length ? (
            <ul className="report-plain-list">
              {onBehalf.map((schoolClass) => (
                <li key={schoolClass.classId}>
                  {t('dailyReports.report.onBehalfItem', { class: classLabel(kind, schoolClass.grade, schoolClass.name), reason: schoolClass.report?.onBehalfReason ?? '' })}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('dailyReports.report.noOnBehalf')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
