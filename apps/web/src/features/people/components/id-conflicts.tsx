import { App, Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdNumberConflict } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { PageSection } from '@/components/ui/page-section';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIdConflicts } from '../api/get-id-conflicts';
import { useResolveIdConflict } from '../api/resolve-id-conflict';

/**
 * The centre's 身份证号冲突 (issue 13): who tried to register an ID number that
 * another roster holds, where and when; the number masked. "已处理" closes one.
 */
export function IdConflicts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const language = useLanguage();
  const conflicts = useIdConflicts(me.user.role === 'centre_admin');
  const resolve = useResolveIdConflict();
  if (me.user.role !== 'centre_admin') return null;
  const timeZone = me.centre.timeZone;

  const onResolve = (item: IdNumberConflict) =>
    resolve.mutate(item.id, {
      onSuccess: () => void message.success(t('idConflicts.resolvedMessage')),
      onError: (error) => void message.error(error.message),
    });
  const status = (item: IdNumberConflict) =>
    item.resolvedAt ? (
      <Tag>{t('idConflicts.resolved', { name: item.resolvedByName ?? '' })}</Tag>
    ) : (
      <Button size="small" onClick={() => onResolve(item)} loading={resolve.isPending && resolve.variables === item.id} aria-label={t('idConflicts.resolveLabel', { school: item.schoolName, existing: item.existingSchoolName })}>
        {t('idConflicts.resolve')}
      </Button>
    );
  const columns: TableColumnsType<IdNumberConflict> = [
    { title: t('idConflicts.school'), key: 'school', render: (_value, item) => item.schoolName },
    { title: t('idConflicts.attemptedBy'), key: 'by', render: (_value, item) => `${item.attemptedByName} · ${t(`idConflicts.sources.${item.source}`)}` },
    { title: t('idConflicts.lastAt'), key: 'at', render: (_value, item) => <span className="nowrap">{formatDateTime(item.lastAt, language, timeZone)}</span> },
    { title: t('idConflicts.attempts'), key: 'attempts', align: 'right', render: (_value, item) => item.attempts },
    { title: t('idConflicts.existing'), key: 'existing', render: (_value, item) => `${item.existingSchoolName} · ${item.personName}` },
    { title: t('idConflicts.idNumber'), key: 'id', render: (_value, item) => <span className="nowrap">{item.idNumber}</span> },
    { title: t('idConflicts.status'), key: 'status', render: (_value, item) => status(item) },
  ];

  return (
    <PageSection id="id-conflicts" title={t('idConflicts.title')}>
      <Typography.Paragraph type="secondary">{t('idConflicts.intro')}</Typography.Paragraph>
      {conflicts.isError ? (
        <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : (
        <DataList<IdNumberConflict>
          label={t('idConflicts.listLabel')}
          items={conflicts.data?.items ?? []}
          loading={conflicts.isPending}
          rowKey={(item) => item.id}
          columns={columns}
          emptyText={t('idConflicts.empty')}
          renderCard={(item) => (
            <Space orientation="vertical" size={4} className="card-body">
              <Typography.Text strong>{item.schoolName}</Typography.Text>
              <Typography.Text>
                {item.attemptedByName} · {t(`idConflicts.sources.${item.source}`)} · {formatDateTime(item.lastAt, language, timeZone)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('idConflicts.existing')}: {item.existingSchoolName} · {item.personName} · {item.idNumber}
              </Typography.Text>
              {status(item)}
            </Space>
          )}
        />
      )}
    </PageSection>
  );
}
