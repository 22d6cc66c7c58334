import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SupplyRequestStatus } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { SchoolSelect } from '@/features/schools';
import { useSession } from '@/lib/session';
import { useHolderStock } from '../api/get-stock';
import { supplyCan } from '../permissions';
import { CentreTabs } from './centre-tabs';
import { RequestList } from './request-list';
import './supplies.css';

/** /supplies/requests?status=&school= — schools' requests; the centre approves (in full or in part) or declines. Pending first by default. */
export default function RequestsPage() {
  const me = useSession();
  if (!supplyCan.seeTownship(me.user.role)) return <ForbiddenResult />;
  return <Requests />;
}

function Requests() {
  const { t } = useTranslation();
  const me = useSession();
  const [search, setSearch] = useSearchParams();
  const rawStatus = search.get('status');
  const status = rawStatus === 'all' ? undefined : (SupplyRequestStatus.safeParse(rawStatus).data ?? 'pending');
  const schoolId = search.get('school') ?? undefined;
  const canDecide = supplyCan.manage(me.user.role);
  const centreStock = useHolderStock('centre');

  function update(key: string, value: string | undefined) {
    setSearch((params) => {
      if (value) params.set(key, value);
      else params.delete(key);
      return params;
    });
  }

  return (
    <div className="supplies-page">
      <PageHeader title={t('supplies.requests.title')} description={t('supplies.requests.intro')} />
      <CentreTabs />
      <form className="filters" aria-label={t('supplies.requests.filters')} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="filter-field">
          <label htmlFor="requests-status" className="filter-label">
            {t('supplies.requests.status')}
          </label>
          <Select<string>
            id="requests-status"
            value={status ?? 'all'}
            options={[...SupplyRequestStatus.options.map((value) => ({ value, label: t(`supplies.requestStatus.${value}`) })), { value: 'all', label: t('common.all') }]}
            onChange={(value) => update('status', value === 'pending' ? undefined : value)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="requests-school" className="filter-label">
            {t('supplies.requests.school')}
          </label>
          <SchoolSelect id="requests-school" value={schoolId} allowClear placeholder={t('supplies.requests.allSchools')} onChange={(value) => update('school', value || undefined)} />
        </div>
      </form>
      <RequestList
        filters={{ status, schoolId }}
        canDecide={canDecide}
        showSchool
        centreStock={centreStock.data}
        label={t('supplies.requests.title')}
        emptyText={status === 'pending' ? t('supplies.requests.nonePending') : t('supplies.requests.none')}
      />
    </div>
  );
}
