import { Card, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorklist } from '../api/get-worklist';

/** On a teacher's home page: one class's progress today and whether its report is filed, a tap away from the list. */
export function TodayCard({ classId, label }: { classId: string; label: string }) {
  const { t } = useTranslation();
  const worklist = useWorklist({ classId });
  const counts = worklist.data?.counts;
  const done = counts ? counts.total - counts.pending : 0;
  return (
    <Link to={`/follow-ups/class/${classId}`} className="today-card">
      <Card size="small" hoverable>
        <Typography.Text strong>{label}</Typography.Text>
        {counts ? (
          <>
            <Typography.Paragraph className="today-card-figures">
              {t('followUps.list.progress', { done, total: counts.total })}
              {counts.exception ? ` · ${t('followUps.list.filterCount', { label: t('followUps.status.exception'), count: counts.exception })}` : ''}
              {' · '}
              {worklist.data?.report ? t('followUps.report.filed') : t('followUps.report.notFiled')}
            </Typography.Paragraph>
            <Progress percent={counts.total ? Math.round((done / counts.total) * 100) : 0} showInfo={false} aria-hidden />
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
