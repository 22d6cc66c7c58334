import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { PageTitle } from '@/components/phone';
import { useClassLabel } from '@/features/classes';
import { ClassReportBadge } from '@/features/follow-ups/components/class-report-badge';
import { useWorklist } from '@/features/follow-ups/api/get-worklist';
import { useSession } from '@/lib/session';
import { navLinks } from '../shell/nav-links';

function ClassCard({ classId, label }: { classId: string; label: string }) {
  const { t } = useTranslation();
  const worklist = useWorklist({ classId });
  const counts = worklist.data?.counts;
  const percent = counts?.total ? Math.round((counts.reached / counts.total) * 100) : 0;
  return (
    <Link to={`/follow-ups/class/${classId}`} className="phone-card today-card">
      <strong className="phone-card-title">{label}</strong>
      {counts ? (
        <>
          <span className="today-card-figures">
            {t('followUps.list.progress', { reached: counts.reached, total: counts.total })}
            {counts.exception ? ` · ${t('followUps.list.filterCount', { label: t('followUps.status.exception'), count: counts.exception })}` : ''}
          </span>
          <ClassReportBadge report={worklist.data?.report ?? null} />
          <span className="phone-progress" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
        </>
      ) : (
        <span className="today-card-figures">{worklist.error ? worklist.error.message : t('common.loading')}</span>
      )}
    </Link>
  );
}

/**
 * The class teacher's home on the phone: their classes with today's progress
 * and report, a tap from each list; their other screens as plain links.
 */
export default function PhoneHomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const classLabel = useClassLabel();
  const { pathname } = useLocation();
  const links = navLinks(me, t).filter((link) => link.key !== '/' && link.key !== '/follow-ups' && !link.external);
  // "今日随访" with one class is that class's list (as on the antd screens).
  if (pathname.startsWith('/follow-ups') && me.classes.length === 1) return <Navigate to={`/follow-ups/class/${me.classes[0]?.id ?? ''}`} replace />;
  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.user.displayName })} description={t('followUps.home.description')} />
      <section className="phone-section" aria-labelledby="home-classes">
        <h2 id="home-classes" className="phone-section-title">
          {t('home.classes')}
        </h2>
        {me.classes.length ? (
          <ul className="phone-cards">
            {me.classes.map((schoolClass) => (
              <li key={schoolClass.id}>
                <ClassCard classId={schoolClass.id} label={classLabel(me.school?.kind, schoolClass.grade, schoolClass.name)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="phone-empty">{t('home.noClasses')}</p>
        )}
      </section>
      <nav className="phone-section" aria-labelledby="home-links">
        <h2 id="home-links" className="phone-section-title">
          {t('home.quickLinks')}
        </h2>
        <ul className="phone-links">
          {links.map((link) => (
            <li key={link.key}>
              <Link to={link.key} className="phone-link-button">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
