import { useState, type ReactNode } from 'react';
import { Button, Descriptions, Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Id, type School } from '@campus/shared';
import { NotFoundResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ActiveTag } from '@/components/ui/status-tag';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useSchool } from '../api/get-school';
import { SchoolFormModal } from './school-form-modal';
import { useSchoolActions } from './use-school-actions';

/** What the app shows under the school's details (its classes). */
type SchoolSections = (school: School) => ReactNode;

/**
 * One school and, below it, what the app composes in (its classes). A school
 * out of the caller's scope reads as not found.
 */
export default function SchoolDetailPage({ sections }: { sections?: SchoolSections }) {
  const { schoolId = '' } = useParams();
  if (!Id.safeParse(schoolId).success) return <NotFoundResult />;
  return <SchoolDetail schoolId={schoolId} sections={sections} />;
}

function SchoolDetail({ schoolId, sections }: { schoolId: string; sections?: SchoolSections }) {
  const school = useSchool(schoolId);
  return <QueryState query={school}>{(data) => <SchoolView school={data} sections={sections} />}</QueryState>;
}

function SchoolView({ school, sections }: { school: School; sections?: SchoolSections }) {
  const { t } = useTranslation();
  const me = useSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const manage = can.manageSchools(me.user.role);
  const actions = useSchoolActions();
  const [editing, setEditing] = useState(false);

  return (
    <>
      <PageHeader
        title={school.name}
        back={
          can.seeAllSchools(me.user.role) ? (
            <Link to="/schools" className="back-link">
              <ArrowLeftOutlined aria-hidden /> {t('schools.title')}
            </Link>
          ) : undefined
        }
        extra={
          manage ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
              <Button onClick={() => actions.confirmToggleActive(school)}>{school.active ? t('common.deactivate') : t('common.reactivate')}</Button>
              <Button danger onClick={() => actions.confirmDelete(school, () => void navigate('/schools', { replace: true }))}>
                {t('common.delete')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Descriptions bordered size="small" column={isPhone ? 1 : 3} className="section">
        <Descriptions.Item label={t('schools.code')}>{school.code}</Descriptions.Item>
        <Descriptions.Item label={t('schools.kind')}>{t(`schoolKind.${school.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <ActiveTag active={school.active} />
        </Descriptions.Item>
        <Descriptions.Item label={t('schools.classCount')}>{school.classCount}</Descriptions.Item>
        <Descriptions.Item label={t('schools.accountCount')}>
          {can.seeAccounts(me.user.role) ? <Link to={`/accounts?schoolId=${school.id}`}>{school.accountCount}</Link> : school.accountCount}
        </Descriptions.Item>
      </Descriptions>
      {sections ? (
        <section className="section" aria-labelledby="school-classes-heading">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={2} id="school-classes-heading" className="section-title">
              {t('schools.classesOfSchool')}
            </Typography.Title>
          </Flex>
          {sections?.(school)}
        </section>
      ) : null}
      {manage ? <SchoolFormModal open={editing} school={school} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
