import { useState } from 'react';
import { Button, Checkbox, Flex, Space, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { School } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActiveTag } from '@/components/ui/status-tag';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useSchools } from '../api/list-schools';
import { SchoolFormModal } from './school-form-modal';
import { useSchoolActions } from './use-school-actions';

/** The centre's list of every school (add, edit, deactivate, delete); others see theirs, read-only. */
export default function SchoolsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const manage = can.manageSchools(me.user.role);
  const [includeInactive, setIncludeInactive] = useState(false);
  const schools = useSchools({ includeInactive });
  const actions = useSchoolActions();
  const [editing, setEditing] = useState<{ school?: School } | null>(null);

  /** `compact` in table rows (desktop); full-size touch targets on phone cards. */
  function actionButtons(school: School, compact = false) {
    const size = compact ? 'small' : undefined;
    if (!manage) return null;
    return (
      <Flex wrap gap={8}>
        <Button size={size} onClick={() => setEditing({ school })} aria-label={`${t('common.edit')} ${school.name}`}>
          {t('common.edit')}
        </Button>
        <Button size={size} onClick={() => actions.confirmToggleActive(school)} aria-label={`${school.active ? t('common.deactivate') : t('common.reactivate')} ${school.name}`}>
          {school.active ? t('common.deactivate') : t('common.reactivate')}
        </Button>
        <Button size={size} danger onClick={() => actions.confirmDelete(school)} aria-label={`${t('common.delete')} ${school.name}`}>
          {t('common.delete')}
        </Button>
      </Flex>
    );
  }

  const columns: TableColumnsType<School> = [
    { title: t('schools.code'), dataIndex: 'code', width: 90 },
    { title: t('schools.name'), dataIndex: 'name', render: (_value, school) => <Link to={`/schools/${school.id}`}>{school.name}</Link> },
    { title: t('schools.kind'), dataIndex: 'kind', render: (_value, school) => t(`schoolKind.${school.kind}`) },
    { title: t('schools.classCount'), dataIndex: 'classCount', align: 'right' },
    { title: t('schools.accountCount'), dataIndex: 'accountCount', align: 'right' },
    { title: t('common.status'), dataIndex: 'active', render: (_value, school) => <ActiveTag active={school.active} /> },
    ...(manage ? [{ title: t('common.actions'), key: 'actions', render: (_value: unknown, school: School) => actionButtons(school, true) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('schools.title')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
              {t('schools.add')}
            </Button>
          ) : undefined
        }
      />
      {can.seeAllSchools(me.user.role) ? (
        <div className="toolbar">
          <Checkbox checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)}>
            {t('common.showInactive')}
          </Checkbox>
        </div>
      ) : null}
      {schools.isError ? (
        <ErrorState error={schools.error} onRetry={() => void schools.refetch()} />
      ) : (
        <DataList<School>
          label={t('schools.title')}
          items={schools.data ?? []}
          loading={schools.isPending}
          rowKey={(school) => school.id}
          columns={columns}
          emptyText={t('schools.empty')}
          renderCard={(school) => (
            <Space orientation="vertical" size={8} className="card-body">
              <Flex justify="space-between" align="center" gap={8}>
                <Link to={`/schools/${school.id}`} className="card-title-link">
                  {school.name}
                </Link>
                <ActiveTag active={school.active} />
              </Flex>
              <Typography.Text type="secondary">
                {school.code} · {t(`schoolKind.${school.kind}`)}
              </Typography.Text>
              <Typography.Text>{t('schools.counts', { classes: school.classCount, accounts: school.accountCount })}</Typography.Text>
              {actionButtons(school)}
            </Space>
          )}
        />
      )}
      {manage ? <SchoolFormModal open={editing !== null} school={editing?.school} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
