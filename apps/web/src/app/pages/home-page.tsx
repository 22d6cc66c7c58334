import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { useClassLabel } from '@/features/classes';
import { TodayCard } from '@/features/follow-ups';
import { GateAlertsCard } from '@/features/gate';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { navItems } from '../shell/nav-items';

/** Who you are, your school and classes, and where to go next. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const isPhone = useIsPhone();
  const classLabel = useClassLabel();
  const links = navItems(me, t).filter((item) => item.key !== '/');

  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.user.displayName })} description={t(`home.intro.${me.user.role}`)} />
      <Descriptions bordered size="small" column={isPhone ? 1 : 2} className="section">
        <Descriptions.Item label={t('home.username')}>{me.user.username}</Descriptions.Item>
        <Descriptions.Item label={t('home.role')}>{t(`role.${me.user.role}`)}</Descriptions.Item>
        {me.school ? (
          <Descriptions.Item label={t('home.school')}>
            <Link to={`/schools/${me.school.id}`}>{me.school.name}</Link> · {t(`schoolKind.${me.school.kind}`)}
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('home.scope')}>{t('home.township', { centre: me.centre.name })}</Descriptions.Item>
        )}
      </Descriptions>

      <GateAlertsCard showLink />

      {me.user.role === 'class_teacher' || me.classes.length ? (
        <section className="section" aria-labelledby="home-classes">
          <Typography.Title level={2} id="home-classes" className="section-title">
            {t('home.classes')}
          </Typography.Title>
          {me.classes.length ? (
            <ul className="today-cards">
              {me.classes.map((schoolClass) => (
                <li key={schoolClass.id}>
                  <TodayCard classId={schoolClass.id} label={classLabel(me.school?.kind, schoolClass.grade, schoolClass.name)} />
                </li>
              ))}
            </ul>
          ) : (
            <Empty description={t('home.noClasses')} />
          )}
        </section>
      ) : null}

      <section className="section" aria-labelledby="home-links">
        <Typography.Title level={2} id="home-links" className="section-title">
          {t('home.quickLinks')}
        </Typography.Title>
        <Row gutter={[12, 12]}>
          {links.map((item) => (
            <Col key={item.key} xs={12} sm={8} lg={6}>
              {item.external ? (
                <a href={item.key} className="quick-link">
                  <Card size="small" hoverable>
                    <span className="quick-link-icon">{item.icon}</span> {item.label}
                  </Card>
                </a>
              ) : (
                <Link to={item.key} className="quick-link">
                  <Card size="small" hoverable>
                    <span className="quick-link-icon">{item.icon}</span> {item.label}
                  </Card>
                </Link>
              )}
            </Col>
          ))}
        </Row>
      </section>
    </>
  );
}
