import { Card, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reportBadge } from '@campus/shared';
import { ReportStatusTags } from '@/features/daily-reports';
import { useWorklist } from '../api/get-worklist';

/**
 * On a teacher's home page: one class's progress today and its report's state
 * — on time, a zero report, or filed by the principal on the class's behalf
 * with the number not reached — a tap away from the list.
 */
export function TodayCard({ classId, label }: { classId: string; label: string }) {
  const { t } = useTranslation();
  const worklist = useWorklist({ classId });
  const counts = worklist.data?.counts;
  const report = worklist.data?.report ?? null;
  return (
    <Link to={`/follow-ups/class/${classId}`} className="today-card">
      <Card size="small" hoverable>
        <Typography.Text strong>{label}</Typography.Text>
        {counts ? (
          <>
            <Typography.Paragraph className="today-card-figures">
              {t('followUps.list.progress', { reached: counts.reached, total: counts.total })}
              {counts.exception ? ` · ${t('followUps.list.filterCount', { label: t('followUps.status.exception'), count: counts.exception })}` : ''}
              {' · '}
              {report ? t('followUps.report.filed') : t('followUps.report.notFiled')}
            </Typography.Paragraph>
            {report ? <ReportStatusTags badge={reportBadge(report.late ? 'late' : 'on_time', report)} /> : null}
            <Progress percent={counts.total ? Math.round((counts.reached / counts.total) * 100) : 0} showInfo={false} aria-hidden />
          </>
        ) : (
          <Typography.Paragraph type="secondary" className="today-card-figures">
            {t('common.loading')}
          </Typography.Paragraph>
        )}
      </Card>
    </Link>
  );
}
