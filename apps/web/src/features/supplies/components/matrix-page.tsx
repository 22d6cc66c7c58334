import { Pagination, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MatrixSort, StockStatus, type MatrixQuery } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useMatrix } from '../api/get-matrix';
import { useSupplyItems } from '../api/list-items';
import { supplyCan } from '../permissions';
import { AlertsPanel } from './alerts-panel';
import { CentreTabs } from './centre-tabs';
import { ExportMatrixButton } from './export-matrix-button';
import { MatrixCards } from './matrix-cards';
import { MatrixTable } from './matrix-table';
import { itemLabel } from './supply-format';
import './supplies.css';

const PAGE_SIZE = 50;

/** Worst first, fewest days first, largest gap first: the direction a centre reads each sort in. */
const NATURAL_ORDER: Record<MatrixSort, 'asc' | 'desc'> = { school: 'asc', status: 'asc', days_left: 'asc', shortfall: 'desc', on_hand: 'asc' };

/**
 * /supplies?item=&status=&sort=&by=&order=&page= — the centre's shortfall
 * matrix: alerts on top, then schools × items with the township's totals;
 * filter by item or status, sort by a figure of one item, export to .xlsx.
 * A school row opens that school's stock page. Observers read it too. On a
 * phone the schools are cards listing their items short of target (no table to scroll sideways).
 */
export default function MatrixPage() {
  const me = useSession();
  if (!supplyCan.seeTownship(me.user.role)) return <ForbiddenResult />;
  return <Matrix />;
}

function Matrix() {
  const { t } = useTranslation();
  const language = useLanguage();
  const isPhone = useIsPhone();
  const [search, setSearch] = useSearchParams();
  const items = useSupplyItems();
  const itemId = search.get('item') ?? undefined;
  const status = StockStatus.safeParse(search.get('status')).data;
  const sort = MatrixSort.safeParse(search.get('sort')).data ?? 'school';
  const order = search.get('order') === 'desc' ? 'desc' : search.get('order') === 'asc' ? 'asc' : NATURAL_ORDER[sort];
  const sortItemId = sort === 'school' ? undefined : (itemId ?? search.get('by') ?? items.data?.[0]?.id);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const filters: Omit<MatrixQuery, 'limit' | 'offset' | 'schoolId'> = { itemId, status, sort, sortItemId, order };
  const ready = sort === 'school' || Boolean(sortItemId);
  const matrix = useMatrix({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  function update(patch: Record<string, string | undefined>) {
    setSearch((params) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
      if (!('page' in patch)) params.delete('page');
      return params;
    });
  }

  const itemOptions = (items.data ?? []).map((item) => ({ value: item.id, label: itemLabel(item, language) }));
  const sortedItem = items.data?.find((item) => item.id === sortItemId);
  const sortLabel = sort === 'school' ? undefined : t('supplies.matrix.sortedBy', { sort: t(`supplies.sort.${sort}`), item: sortedItem ? itemLabel(sortedItem, language) : '', order: t(`supplies.order.${order}`) });

  return (
    <div className="supplies-page">
      <PageHeader title={t('supplies.matrix.title')} description={t('supplies.matrix.intro')} extra={<ExportMatrixButton query={filters} />} />
      <CentreTabs />
      <AlertsPanel />
      <form className="filters matrix-filters" aria-label={t('supplies.matrix.filters')} role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="filter-field">
          <label htmlFor="matrix-item" className="filter-label">
            {t('supplies.matrix.item')}
          </label>
          <Select<string> id="matrix-item" value={itemId ?? ''} loading={items.isPending} options={[{ value: '', label: t('supplies.matrix.allItems') }, ...itemOptions]} onChange={(value) => update({ item: value || undefined })} />
        </div>
        <div className="filter-field">
          <label htmlFor="matrix-status" className="filter-label">
            {t('supplies.matrix.status')}
          </label>
          <Select<string>
            id="matrix-status"
            value={status ?? ''}
            options={[{ value: '', label: t('supplies.matrix.allStatuses') }, ...StockStatus.options.map((value) => ({ value, label: t(`supplies.status.${value}`) }))]}
            onChange={(value) => update({ status: value || undefined })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="matrix-sort" className="filter-label">
            {t('supplies.matrix.sort')}
          </label>
          <Select<string> id="matrix-sort" value={sort} options={MatrixSort.options.map((value) => ({ value, label: t(`supplies.sort.${value}`) }))} onChange={(value) => update({ sort: value === 'school' ? undefined : value, order: undefined })} />
        </div>
        {sort !== 'school' && !itemId ? (
          <div className="filter-field">
            <label htmlFor="matrix-sort-item" className="filter-label">
              {t('supplies.matrix.sortItem')}
            </label>
            <Select<string> id="matrix-sort-item" value={sortItemId} options={itemOptions} onChange={(value) => update({ by: value })} />
          </div>
        ) : null}
        <div className="filter-field">
          <label htmlFor="matrix-order" className="filter-label">
            {t('supplies.matrix.order')}
          </label>
          <Select<string> id="matrix-order" value={order} options={(['asc', 'desc'] as const).map((value) => ({ value, label: t(`supplies.order.${value}`) }))} onChange={(value) => update({ order: value })} />
        </div>
      </form>
      {ready ? (
        <QueryState query={matrix}>
          {(data) => (
            <section aria-labelledby="matrix-caption" className="supply-section">
              <Typography.Paragraph type="secondary">{t('supplies.matrix.window', { from: data.useWindow.from, to: data.useWindow.to, days: data.alertDays })}</Typography.Paragraph>
              <Spin spinning={matrix.isPlaceholderData} description={t('common.loading')}>
                {data.rows.length && isPhone ? (
                  <MatrixCards matrix={data} />
                ) : data.rows.length ? (
                  <MatrixTable matrix={data} sortedItemId={sortItemId} sortDirection={order === 'asc' ? 'ascending' : 'descending'} sortLabel={sortLabel} />
                ) : (
                  <Typography.Paragraph>{t('supplies.matrix.empty')}</Typography.Paragraph>
                )}
              </Spin>
              {data.totalRows > PAGE_SIZE ? (
                <Pagination className="list-footer" current={page} pageSize={PAGE_SIZE} total={data.totalRows} showSizeChanger={false} onChange={(next) => update({ page: next > 1 ? String(next) : undefined })} />
              ) : null}
            </section>
          )}
        </QueryState>
      ) : null}
    </div>
  );
}
