import { useTranslation } from 'react-i18next';
import { reportBadge, type Worklist } from '@campus/shared';
import { StatusBadge, type BadgeTone } from '@/components/phone';

const TONES: Record<string, BadgeTone> = { on_time: 'success', filed: 'success', late: 'warning', missing: 'error', open: 'default' };

/** A class's report of the day in words (plain, for the phone): filed on time or late, a zero report, filed by the principal, or not yet. */
export function ClassReportBadge({ report }: { report: Worklist['report'] }) {
  const { t } = useTranslation();
  if (!report) return <StatusBadge tone="default">{t('followUps.report.notFiled')}</StatusBadge>;
  const badge = reportBadge(report.late ? 'late' : 'on_time', report);
  return (
    <span className="report-tags">
      <StatusBadge tone={TONES[badge.state] ?? 'default'}>{t(`dailyReports.status.${badge.state}`)}</StatusBadge>
      {badge.tag ? <StatusBadge tone="info">{t(`dailyReports.tag.${badge.tag}`, { count: badge.unreached })}</StatusBadge> : null}
    </span>
  );
}
