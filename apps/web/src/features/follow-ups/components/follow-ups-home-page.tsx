import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { useClassLabel } from '@/features/classes';
import { useSession } from '@/lib/session';

/**
 * "Today": a teacher with one class goes straight to its list; with several
 * they pick one. A principal gets the staff list and the school's day.
 */
export default function FollowUpsHomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const classLabel = useClassLabel();
  const isPrincipal = me.user.role === 'principal';
  if (me.user.role === 'class_teacher' && me.classes.length === 1) return <Navigate to={`/follow-ups/class/${me.classes[0]!.id}`} replace />;

  return (
    <>
      <PageHeader title={t('followUps.home.title')} description={t('followUps.home.description')} />
      {me.user.role === 'class_teacher' ? (
        <section className="section" aria-labelledby="follow-up-classes">
          <Typography.Title level={2} id="follow-up-classes" className="section-title">
            {t('followUps.home.classes')}
          </Typography.Title>
          {me.classes.length ? (
            <ul className="choice-list">
              {me.classes.map((schoolClass) => (
                <li key={schoolClass.id}>
                  <Link to={`/follow-ups/class/${schoolClass.id}`} className="choice-link">
                    {classLabel(me.school?.kind, schoolClass.grade, schoolClass.name)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <Empty description={t('followUps.home.noClasses')} />
          )}
        </section>
      ) : null}
      {isPrincipal && me.school ? (
        <Card className="section">
          <Typography.Paragraph>{t('followUps.home.staffHint')}</Typography.Paragraph>
          <ul className="choice-list">
            <li>
              <Link to={`/follow-ups/staff/${me.school.id}`} className="choice-link">
                {t('followUps.home.staff')}
              </Link>
            </li>
            <li>
              <Link to={`/daily-reports/schools/${me.school.id}`} className="choice-link">
                {t('followUps.home.schoolDay')}
              </Link>
            </li>
          </ul>
        </Card>
      ) : null}
    </>
  );
}
