import { useState } from 'react';
import { Button, Descriptions } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Id, type SchoolClass } from '@campus/shared';
import { NotFoundResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ActiveTag } from '@/components/ui/status-tag';
import { useSchools } from '@/features/schools';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useSchoolClass } from '../api/get-class';
import { useClassLabel } from './class-label';
import { ClassFormModal } from './class-form-modal';
import { useClassActions } from './use-class-actions';

/** One class. A class out of the caller's scope reads as not found. */
export default function ClassDetailPage() {
  const { classId = '' } = useParams();
  if (!Id.safeParse(classId).success) return <NotFoundResult />;
  return <ClassDetail classId={classId} />;
}

function ClassDetail({ classId }: { classId: string }) {
  const schoolClass = useSchoolClass(classId);
  return <QueryState query={schoolClass}>{(data) => <ClassView schoolClass={data} />}</QueryState>;
}

function ClassView({ schoolClass }: { schoolClass: SchoolClass }) {
  const { t } = useTranslation();
  const me = useSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const classLabel = useClassLabel();
  const schools = useSchools({ includeInactive: true });
  const actions = useClassActions();
  const [editing, setEditing] = useState(false);
  const kind = schools.data?.find((school) => school.id === schoolClass.schoolId)?.kind;
  const title = classLabel(kind, schoolClass.grade, schoolClass.name);
  const role = me.user.role;
  const manage = can.manageClasses(role) && (role === 'centre_admin' || schoolClass.schoolId === me.school?.id);

  return (
    <>
      <PageHeader
        title={title}
        back={
          <Link to="/classes" className="back-link">
            <ArrowLeftOutlined aria-hidden /> {role === 'class_teacher' ? t('classes.myTitle') : t('classes.title')}
          </Link>
        }
        extra={
          manage ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
              <Button onClick={() => actions.confirmToggleActive(schoolClass, title)}>{schoolClass.active ? t('common.deactivate') : t('common.reactivate')}</Button>
              <Button danger onClick={() => actions.confirmDelete(schoolClass, title, () => void navigate('/classes', { replace: true }))}>
                {t('common.delete')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Descriptions bordered size="small" column={isPhone ? 1 : 2}>
        <Descriptions.Item label={t('classes.school')}>
          <Link to={`/schools/${schoolClass.schoolId}`}>{schoolClass.schoolName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('classes.grade')}>{classLabel(kind, schoolClass.grade)}</Descriptions.Item>
        <Descriptions.Item label={t('classes.name')}>{schoolClass.name}</Descriptions.Item>
        <Descriptions.Item label={t('classes.headTeacher')}>{schoolClass.headTeacherName ?? t('classes.noHeadTeacher')}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <ActiveTag active={schoolClass.active} />
        </Descriptions.Item>
      </Descriptions>
      {manage ? <ClassFormModal open={editing} schoolClass={schoolClass} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
