import { useState } from 'react';
import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TransferStatus } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { SchoolSelect } from '@/features/schools';
import { useSession } from '@/lib/session';
import { useHolderStock } from '../api/get-stock';
import { useSupplyItems } from '../api/list-items';
import { supplyCan } from '../permissions';
import { CentreTabs } from './centre-tabs';
import { TransferList } from './transfer-list';
import { TransferModal } from './transfer-modal';
import './supplies.css';

/** /supplies/transfers?status=&school= — transfers to schools (one document, several items), in transit or received (with any difference); a new one from the store. */
export default function TransfersPage() {
  const me = useSession();
  if (!supplyCan.seeTownship(me.user.role)) return <ForbiddenResult />;
  return <Transfers />;
}

function Transfers() {
  const { t } = useTranslation();
  const me = useSession();
  const [search, setSearch] = useSearchParams();
  const status = TransferStatus.safeParse(search.get('status')).data;
  const schoolId = search.get('school') ?? undefined;
  const canManage = supplyCan.manage(me.user.role);
  const centreStock = useHolderStock('centre');
  const items = useSupplyItems();
  const [creating, setCreating] = useState(false);

  function update(key: string, value: string | undefined) {
    setSearch((params) => {
      if (value) params.set(key, value);
      else params.delete(key);
      return params;
    });
  }

  return (
    <div className="supplies-page">
      <PageHeader
        title={t('supplies.transfers.title')}
        description={t('supplies.transfers.intro')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('supplies.transfer.button')}
            </Button>
          ) : undefined
        }
      />
      <CentreTabs />
      <form className="filters" aria-label={t('supplies.transfers.filters')} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="filter-field">
          <label htmlFor="transfers-status" className="filter-label">
            {t('supplies.transfers.status')}
          </label>
          <Select<string>
            id="transfers-status"
            value={status ?? ''}
            options={[{ value: '', label: t('common.all') }, ...TransferStatus.options.map((value) => ({ value, label: t(`supplies.transferStatus.${value}`) }))]}
            onChange={(value) => update('status', value || undefined)}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="transfers-school" className="filter-label">
            {t('supplies.requests.school')}
          </label>
          <SchoolSelect id="transfers-school" value={schoolId} allowClear placeholder={t('supplies.requests.allSchools')} onChange={(value) => update('school', value || undefined)} />
        </div>
      </form>
      <TransferList filters={{ status, schoolId }} canReceive={false} canCancel={canManage} showSchool label={t('supplies.transfers.title')} emptyText={t('supplies.transfers.none')} />
      <TransferModal open={creating} centreStock={centreStock.data} items={items.data ?? []} onClose={() => setCreating(false)} />
    </div>
  );
}
