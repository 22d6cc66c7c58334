import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchoolDayView } from '@campus/shared';

export type DayProgress = SchoolDayView['staff'];


/** "已联系 27 / 42" with a bar, then exceptions, unreachable and not yet contacted. */
export function ProgressSummary({ progress, label }: { progress: DayProgress; label: string }) {
  const { t } = useTranslation();
  const reached = progress.reached;
  const percent = progress.total ? Math.round((reached / progress.total) * 100) : 0;
  const text = t('dailyReports.progress.reached', { reached, total: progress.total });
  return (
    <div className="day-progress">
      <div className="day-progress-line">
        <span className="day-progress-text">{text}</span>
        <Progress
          percent={percent}
          showInfo={false}
          size="small"
          status={progress.pending === 0 && progress.total > 0 ? 'success' : 'normal'}
          aria-label={t('dailyReports.progress.aria', { label, text })}
          className="day-progress-bar"
        />
      </div>
      <div className="day-progress-counts">
        <span className={progress.exception ? 'count-exception' : undefined}>{t('dailyReports.progress.exception', { count: progress.exception })}</span>
        <span className={progress.unreachable ? 'count-warn' : undefined}>{t('dailyReports.progress.unreachable', { count: progress.unreachable })}</span>
        <span>{t('dailyReports.progress.pending', { count: progress.pending })}</span>
      </div>
    </div>
  );
}
