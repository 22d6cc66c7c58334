import { useMemo, useState } from 'react';
import { Button, Checkbox, Flex, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Id, Role, type Account, type AccountWithPassword } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { SchoolSelect } from '@/features/schools';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useAccounts } from '../api/list-accounts';
import type { AccountListFilters } from '../query-keys';
import { AccountFormModal } from './account-form-modal';
import { OneTimePasswordModal, type OneTimePassword } from './one-time-password-modal';
import { RenameAccountModal } from './rename-account-modal';
import { useAccountActions } from './use-account-actions';

/** Filters live in the URL (?schoolId=&role=&q=&disabled=1) so a school's page can link here. */
function useAccountFilters(township: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AccountListFilters = useMemo(() => {
    const schoolId = searchParams.get('schoolId');
    const role = Role.safeParse(searchParams.get('role'));
    return {
      schoolId: township && schoolId && Id.safeParse(schoolId).success ? schoolId : undefined,
      role: role.success ? role.data : undefined,
      q: searchParams.get('q')?.trim() || undefined,
      includeDisabled: searchParams.get('disabled') === '1',
    };
  }, [searchParams, township]);

  function update(changes: Partial<AccountListFilters>) {
    const next = { ...filters, ...changes };
    const params: Record<string, string> = {};
    if (next.schoolId) params.schoolId = next.schoolId;
    if (next.role) params.role = next.role;
    if (next.q) params.q = next.q;
    if (next.includeDisabled) params.disabled = '1';
    setSearchParams(params, { replace: true });
  }
  return [filters, update] as const;
}

export default function AccountsPage() {
  const me = useSession();
  if (!can.seeAccounts(me.user.role)) return <ForbiddenResult />;
  return <Accounts />;
}

function Accounts() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const role = me.user.role;
  const township = role === 'centre_admin';
  const [filters, setFilters] = useAccountFilters(township);
  const accounts = useAccounts(filters);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Account | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<OneTimePassword | null>(null);
  const [query, setQuery] = useState(filters.q ?? '');

  function showPassword(result: AccountWithPassword) {
    setOneTimePassword({ username: result.account.username, displayName: result.account.displayName, password: result.oneTimePassword });
  }
  const actions = useAccountActions(showPassword);

  const roleOptions = (township ? Role.options : (['principal', 'class_teacher', 'gate_duty'] as const)).map((value) => ({ value, label: t(`role.${value}`) }));

  function manageable(account: Account) {
    return account.id !== me.user.id && can.manageAccountsOf(role, account.role);
  }

  function statusTags(account: Account) {
    return (
      <Flex wrap gap={4}>
        {account.id === me.user.id ? <Tag className="tag-info">{t('accounts.self')}</Tag> : null}
        {account.disabled ? <Tag className="tag-off">{t('accounts.disabled')}</Tag> : <Tag className="tag-ok">{t('accounts.enabled')}</Tag>}
        {account.mustChangePassword && !account.disabled ? <Tag className="tag-warn">{t('accounts.mustChange')}</Tag> : null}
      </Flex>
    );
  }

  /** `compact` in table rows (desktop); full-size touch targets on phone cards. */
  function actionButtons(account: Account, compact = false) {
    if (!manageable(account)) return null;
    const size = compact ? 'small' : undefined;
    return (
      <Flex wrap gap={8}>
        <Button size={size} onClick={() => setRenaming(account)} aria-label={`${t('accounts.edit')} ${account.username}`}>
          {t('accounts.edit')}
        </Button>
        <Button size={size} onClick={() => actions.confirmResetPassword(account)} aria-label={`${t('accounts.resetPassword')} ${account.username}`}>
          {t('accounts.resetPassword')}
        </Button>
        <Button
          size={size}
          danger={!account.disabled}
          onClick={() => actions.confirmToggleDisabled(account)}
          aria-label={`${account.disabled ? t('accounts.enable') : t('accounts.disable')} ${account.username}`}
        >
          {account.disabled ? t('accounts.enable') : t('accounts.disable')}
        </Button>
      </Flex>
    );
  }

  const columns: TableColumnsType<Account> = [
    { title: t('accounts.username'), dataIndex: 'username', key: 'username' },
    { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('accounts.role'), key: 'role', render: (_value, account) => t(`role.${account.role}`) },
    ...(township ? [{ title: t('accounts.school'), key: 'school', render: (_value: unknown, account: Account) => account.schoolName ?? '—' }] : []),
    { title: t('common.status'), key: 'status', render: (_value, account) => statusTags(account) },
    { title: t('accounts.createdAt'), key: 'createdAt', render: (_value, account) => formatDate(account.createdAt, language, me.centre.timeZone) },
    { title: t('common.actions'), key: 'actions', render: (_value, account) => actionButtons(account, true) },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={role === 'principal' ? me.school?.name : undefined}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('accounts.add')}
          </Button>
        }
      />
      <form
        className="filters"
        role="search"
        aria-label={t('common.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ q: query.trim() || undefined });
        }}
      >
        <div className="filter-field">
          <label htmlFor="account-filter-q">{t('accounts.search')}</label>
          <Flex gap={8}>
            <Input id="account-filter-q" type="search" value={query} placeholder={t('accounts.searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} allowClear />
            <Button htmlType="submit">{t('accounts.search')}</Button>
          </Flex>
        </div>
        <div className="filter-field">
          <label htmlFor="account-filter-role">{t('accounts.role')}</label>
          <Select<Role>
            id="account-filter-role"
            allowClear
            placeholder={t('accounts.allRoles')}
            value={filters.role}
            options={roleOptions}
            onChange={(value) => setFilters({ role: value })}
          />
        </div>
        {township ? (
          <div className="filter-field">
            <label htmlFor="account-filter-school">{t('accounts.school')}</label>
            <SchoolSelect
              id="account-filter-school"
              includeInactive
              allowClear
              placeholder={t('accounts.allSchools')}
              value={filters.schoolId}
              onChange={(value) => setFilters({ schoolId: value })}
            />
          </div>
        ) : null}
        <div className="filter-field filter-check">
          <Checkbox checked={filters.includeDisabled} onChange={(event) => setFilters({ includeDisabled: event.target.checked })}>
            {t('accounts.includeDisabled')}
          </Checkbox>
        </div>
      </form>
      {accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <DataList<Account>
          label={t('accounts.title')}
          items={accounts.data ?? []}
          loading={accounts.isPending}
          rowKey={(account) => account.id}
          columns={columns}
          emptyText={t('accounts.empty')}
          renderCard={(account) => (
            <Space orientation="vertical" size={8} className="card-body">
              <Typography.Text strong className="card-title">
                {t('common.nameAndUsername', { name: account.displayName, username: account.username })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t(`role.${account.role}`)}
                {account.schoolName ? ` · ${account.schoolName}` : ''}
              </Typography.Text>
              {statusTags(account)}
              {actionButtons(account)}
            </Space>
          )}
        />
      )}
      <AccountFormModal
        open={creating}
        defaultSchoolId={filters.schoolId}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          showPassword(result);
        }}
      />
      <RenameAccountModal account={renaming} onClose={() => setRenaming(null)} />
      <OneTimePasswordModal value={oneTimePassword} onClose={() => setOneTimePassword(null)} />
    </>
  );
}
