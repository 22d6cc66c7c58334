import { useMemo, useState } from 'react';
import { Button, Checkbox, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SchoolClass, SchoolKind } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { ActiveTag } from '@/components/ui/status-tag';
import { useSchools } from '@/features/schools';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useClasses } from '../api/list-classes';
import { useClassLabel } from './class-label';
import { ClassFormModal } from './class-form-modal';
import { useClassActions } from './use-class-actions';

interface ClassListProps {
  /** Only this school's classes (the school page, or a filter). */
  schoolId?: string;
  showSchool: boolean;
}

/**
 * Classes in scope with add / edit / deactivate / delete for the centre and
 * the school's principal; everyone else reads.
 */
export function ClassList({ schoolId, showSchool }: ClassListProps) {
  const { t } = useTranslation();
  const me = useSession();
  const classLabel = useClassLabel();
  const [includeInactive, setIncludeInactive] = useState(false);
  const classes = useClasses({ schoolId, includeInactive });
  const schools = useSchools({ includeInactive: true });
  const actions = useClassActions();
  const [editing, setEditing] = useState<{ schoolClass?: SchoolClass } | null>(null);

  const kinds = useMemo(() => new Map<string, SchoolKind>((schools.data ?? []).map((school) => [school.id, school.kind])), [schools.data]);
  const label = (schoolClass: SchoolClass) => classLabel(kinds.get(schoolClass.schoolId), schoolClass.grade, schoolClass.name);

  const role = me.user.role;
  // A principal writes their own school's classes; the centre any school's.
  const manage = can.manageClasses(role) && (role === 'centre_admin' || !schoolId || schoolId === me.school?.id);
  const fixedSchoolId = schoolId ?? (role === 'principal' ? me.school?.id : undefined);
  const targetSchool = schools.data?.find((school) => school.id === fixedSchoolId);
  const canAdd = manage && (!targetSchool || targetSchool.active);

  /** `compact` in table rows (desktop); full-size touch targets on phone cards. */
  function actionButtons(schoolClass: SchoolClass, compact = false) {
    const size = compact ? 'small' : undefined;
    if (!manage) return null;
    const name = label(schoolClass);
    return (
      <Flex wrap gap={8}>
        <Button size={size} onClick={() => setEditing({ schoolClass })} aria-label={`${t('common.edit')} ${name}`}>
          {t('common.edit')}
        </Button>
        <Button size={size} onClick={() => actions.confirmToggleActive(schoolClass, name)} aria-label={`${schoolClass.active ? t('common.deactivate') : t('common.reactivate')} ${name}`}>
          {schoolClass.active ? t('common.deactivate') : t('common.reactivate')}
        </Button>
        <Button size={size} danger onClick={() => actions.confirmDelete(schoolClass, name)} aria-label={`${t('common.delete')} ${name}`}>
          {t('common.delete')}
        </Button>
      </Flex>
    );
  }

  const columns: TableColumnsType<SchoolClass> = [
    {
      title: t('classes.name'),
      key: 'name',
      render: (_value, schoolClass) => <Link to={`/classes/${schoolClass.id}`}>{label(schoolClass)}</Link>,
    },
    ...(showSchool ? [{ title: t('classes.school'), dataIndex: 'schoolName', key: 'schoolName' }] : []),
    { title: t('classes.headTeacher'), key: 'headTeacher', render: (_value, schoolClass) => schoolClass.headTeacherName ?? t('classes.noHeadTeacher') },
    { title: t('common.status'), key: 'active', render: (_value, schoolClass) => <ActiveTag active={schoolClass.active} /> },
    ...(manage ? [{ title: t('common.actions'), key: 'actions', render: (_value: unknown, schoolClass: SchoolClass) => actionButtons(schoolClass, true) }] : []),
  ];

  return (
    <>
      <Flex className="toolbar" wrap gap={12} justify="space-between" align="center">
        <Checkbox checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)}>
          {t('common.showInactive')}
        </Checkbox>
        {canAdd ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
            {t('classes.add')}
          </Button>
        ) : null}
      </Flex>
      {classes.isError ? (
        <ErrorState error={classes.error} onRetry={() => void classes.refetch()} />
      ) : (
        <DataList<SchoolClass>
          label={t('classes.title')}
          items={classes.data ?? []}
          loading={classes.isPending}
          rowKey={(schoolClass) => schoolClass.id}
          columns={columns}
          emptyText={t('classes.empty')}
          renderCard={(schoolClass) => (
            <Space orientation="vertical" size={8} className="card-body">
              <Flex justify="space-between" align="center" gap={8}>
                <Link to={`/classes/${schoolClass.id}`} className="card-title-link">
                  {label(schoolClass)}
                </Link>
                <ActiveTag active={schoolClass.active} />
              </Flex>
              {showSchool ? <Typography.Text type="secondary">{schoolClass.schoolName}</Typography.Text> : null}
              <Typography.Text>
                {t('classes.headTeacherIs', { name: schoolClass.headTeacherName ?? t('classes.noHeadTeacher') })}
              </Typography.Text>
              {actionButtons(schoolClass)}
            </Space>
          )}
        />
      )}
      {manage ? <ClassFormModal open={editing !== null} schoolClass={editing?.schoolClass} fixedSchoolId={fixedSchoolId} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
