import { useState } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AuditListQuery, type AuditEntry } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { SchoolSelect } from '@/features/schools';
import { clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useAuditLog } from '../api/list-audit';
import { AuditRecordLabel } from './audit-record';
import type { AuditFilters } from '../query-keys';

interface FilterValues {
  action?: string;
  username?: string;
  schoolId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** The actions the API records, by group; a group ("person.") filters all of its actions, an action only itself. */
const ACTIONS = {
  auth: ['login', 'login_failed', 'logout', 'password_change'],
  account: ['create', 'update', 'disable', 'enable', 'reset_password'],
  person: ['create', 'update', 'move', 'transfer', 'leave', 'return', 'import', 'export', 'export_full_id', 'reveal_id'],
  follow_up: ['save', 'bulk_well', 'handling'],
  daily_report: ['file_class', 'file_school', 'export'],
  quarantine: ['open', 'check_in', 'correct_check_in', 'resolve_help', 'extend', 'shorten', 'close', 'return'],
  stock: ['receipt', 'consumption', 'count', 'reversal'],
  transfer: ['issue', 'receive', 'cancel'],
  supply_request: ['create', 'approve', 'decline', 'withdraw'],
  supply_item: ['create', 'update'],
  supply_target: ['set', 'clear'],
  supply: ['matrix_export'],
  duty: ['roster', 'report_file', 'report_correct'],
  gate: ['admit', 'refuse', 'sign_out', 'sign_out_all', 'export', 'alert_seen', 'close', 'open', 'approve', 'approval_withdraw', 'purge'],
  disinfection: ['area_create', 'area_update', 'log', 'reverse'],
  school: ['create', 'update', 'deactivate', 'reactivate', 'delete'],
  class: ['create', 'update', 'deactivate', 'reactivate', 'delete'],
  census_category: ['create', 'update'],
  settings: ['update'],
  retention: ['purge'],
  access: ['denied'],
} as const;
const GROUPS = ['auth', 'account', 'person', 'follow_up', 'daily_report', 'quarantine', 'stock', 'transfer', 'supply_request', 'gate', 'disinfection', 'school', 'class'] as const;

export default function AuditLogPage() {
  const me = useSession();
  if (!can.readAudit(me.user.role)) return <ForbiddenResult />;
  return <AuditLog />;
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const timeZone = me.centre.timeZone;
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [alert, setAlert] = useState<string>();
  const audit = useAuditLog(filters);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const dateFormat = t('common.dateInputFormat');

  function actionLabel(action: string) {
    const key = `audit.actions.${action}`;
    // Actions the catalogue does not know yet show their code.
    return i18n.exists(key) ? t(key as 'audit.actions.auth.login') : action;
  }

  // Each group's "all" first, then its actions, so related actions stay together in the list.
  const actionOptions = Object.entries(ACTIONS).flatMap(([group, names]) => [
    ...((GROUPS as readonly string[]).includes(group) ? [{ value: `${group}.`, label: t(`audit.groups.${group as (typeof GROUPS)[number]}`) }] : []),
    ...names.map((name) => ({ value: `${group}.${name}`, label: actionLabel(`${group}.${name}`) })),
  ]);

  function apply(values: FilterValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const next: AuditFilters = {
      action: values.action || undefined,
      username: values.username?.trim() || undefined,
      schoolId: values.schoolId || undefined,
      from: values.from ? values.from.format('YYYY-MM-DD') : undefined,
      to: values.to ? values.to.format('YYYY-MM-DD') : undefined,
    };
    const checked = validate(AuditListQuery, next, language);
    const fields = checked.ok ? {} : { ...checked.fields };
    if (next.from && next.to && next.to < next.from) fields.to = t('audit.toBeforeFrom');
    if (Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    setFilters(next);
  }

  function who(entry: AuditEntry) {
    if (!entry.username) return t('audit.anonymous');
    return entry.role ? t('audit.userWithRole', { username: entry.username, role: t(`role.${entry.role}`) }) : entry.username;
  }

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), key: 'at', render: (_value, entry) => <span className="nowrap">{formatDateTime(entry.at, language, timeZone)}</span> },
    { title: t('audit.user'), key: 'user', render: (_value, entry) => who(entry) },
    { title: t('audit.action'), key: 'action', render: (_value, entry) => actionLabel(entry.action) },
    { title: t('audit.school'), key: 'school', render: (_value, entry) => entry.schoolName ?? '—' },
    { title: t('audit.record'), key: 'record', render: (_value, entry) => <AuditRecordLabel entry={entry} /> },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (value: string | null) => value ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro', { timeZone })} />
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name="audit-filters" layout="vertical" className="filters" onFinish={apply} role="search" aria-label={t('common.filters')}>
        <Form.Item label={t('audit.filterAction')} name="action" className="filter-field">
          <Select<string> allowClear placeholder={t('audit.allActions')} options={actionOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label={t('audit.filterUsername')} name="username" className="filter-field">
          <Input autoCapitalize="none" spellCheck={false} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('audit.filterSchool')} name="schoolId" className="filter-field">
          <SchoolSelect includeInactive allowClear placeholder={t('accounts.allSchools')} />
        </Form.Item>
        <Form.Item label={t('audit.from')} name="from" className="filter-field">
          <DatePicker format={dateFormat} className="full-width" />
        </Form.Item>
        <Form.Item label={t('audit.to')} name="to" className="filter-field">
          <DatePicker format={dateFormat} className="full-width" />
        </Form.Item>
        <Flex gap={8} align="end" className="filter-field filter-buttons">
          <Button type="primary" htmlType="submit">
            {t('common.apply')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setAlert(undefined);
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form>
      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <DataList<AuditEntry>
          label={t('audit.title')}
          items={entries}
          loading={audit.isPending}
          rowKey={(entry) => entry.id}
          columns={columns}
          emptyText={t('audit.empty')}
          paginate={false}
          renderCard={(entry) => (
            <Space orientation="vertical" size={4} className="card-body">
              <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>
              <Typography.Text>{who(entry)}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(entry.at, language, timeZone)}
                {entry.schoolName ? ` · ${entry.schoolName}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary">
                <AuditRecordLabel entry={entry} />
                {entry.ip ? ` · ${entry.ip}` : ''}
              </Typography.Text>
            </Space>
          )}
          footer={
            entries.length ? (
              <Flex className="list-footer" gap={12} align="center" justify="center" wrap>
                <Typography.Text type="secondary" aria-live="polite">
                  {t('audit.count', { count: entries.length })}
                </Typography.Text>
                {audit.hasNextPage ? (
                  <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                    {t('common.loadMore')}
                  </Button>
                ) : null}
              </Flex>
            ) : null
          }
        />
      )}
    </>
  );
}
