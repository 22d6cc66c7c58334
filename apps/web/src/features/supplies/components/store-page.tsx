import { useState } from 'react';
import { Button, Typography } from 'antd';
import { AuditOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HolderStock, StockMovement } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useHolderStock } from '../api/get-stock';
import { useSupplyItems } from '../api/list-items';
import { useMovements } from '../api/list-movements';
import { supplyCan } from '../permissions';
import { CentreTabs } from './centre-tabs';
import { MovementModal, type MovementKind } from './movement-modal';
import { StockCardSection } from './stock-card-section';
import { SupplySection } from './supply-section';
import { itemLabel, useQuantity } from './supply-format';
import './supplies.css';

type StoreLine = HolderStock['items'][number];

/**
 * /supplies/store?item= — the centre's store: what it holds, what is on its
 * way to schools and what schools have asked for; arrivals (source, date,
 * quantity, document number) and the store's stock card.
 */
export default function StorePage() {
  const me = useSession();
  if (!supplyCan.seeTownship(me.user.role)) return <ForbiddenResult />;
  return <Store />;
}

function Store() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const stock = useHolderStock('centre');
  const items = useSupplyItems();
  const [search, setSearch] = useSearchParams();
  const [movement, setMovement] = useState<MovementKind | null>(null);
  const canWrite = supplyCan.manage(me.user.role);
  const { quantity } = useQuantity();
  const cardItem = search.get('item') ?? undefined;

  return (
    <div className="supplies-page">
      <PageHeader
        title={t('supplies.store.title')}
        description={t('supplies.store.intro')}
        extra={
          canWrite ? (
            <>
              <Button type="primary" icon={<InboxOutlined aria-hidden />} onClick={() => setMovement('receipt')}>
                {t('supplies.receipt.buttonCentre')}
              </Button>
              <Button icon={<AuditOutlined aria-hidden />} onClick={() => setMovement('count')}>
                {t('supplies.count.button')}
              </Button>
            </>
          ) : undefined
        }
      />
      <CentreTabs />
      <QueryState query={stock}>
        {(data) => (
          <>
            <SupplySection id="store-stock-title" title={t('supplies.store.stock')}>
              <DataList<StoreLine>
                items={data.items}
                rowKey={(line) => line.item.id}
                label={t('supplies.store.stock')}
                emptyText={t('supplies.stock.empty')}
                paginate={false}
                columns={[
                  { title: t('supplies.figure.item'), key: 'item', render: (_, line) => <strong>{itemLabel(line.item, language)}</strong> },
                  { title: t('supplies.figure.on_hand'), key: 'onHand', align: 'right', render: (_, line) => quantity(line.onHand, line.item.unit) },
                  { title: t('supplies.store.sentInTransit'), key: 'inTransit', align: 'right', render: (_, line) => quantity(line.inTransit, line.item.unit) },
                  { title: t('supplies.store.pendingRequested'), key: 'pending', align: 'right', render: (_, line) => quantity(line.pendingRequested ?? 0, line.item.unit) },
                ]}
                renderCard={(line) => (
                  <div className="card-body">
                    <span className="card-title">{itemLabel(line.item, language)}</span>
                    <dl className="figure-list">
                      <div>
                        <dt>{t('supplies.figure.on_hand')}</dt>
                        <dd>{quantity(line.onHand, line.item.unit)}</dd>
                      </div>
                      <div>
                        <dt>{t('supplies.store.sentInTransit')}</dt>
                        <dd>{quantity(line.inTransit, line.item.unit)}</dd>
                      </div>
                      <div>
                        <dt>{t('supplies.store.pendingRequested')}</dt>
                        <dd>{quantity(line.pendingRequested ?? 0, line.item.unit)}</dd>
                      </div>
                    </dl>
                  </div>
                )}
              />
            </SupplySection>
            <MovementModal kind={movement} holder="centre" stock={data} items={items.data ?? []} onClose={() => setMovement(null)} />
          </>
        )}
      </QueryState>
      <SupplySection id="arrivals-title" title={t('supplies.store.arrivals')}>
        <Arrivals />
      </SupplySection>
      <SupplySection id="stock-card-title" title={t('supplies.store.card')}>
        <StockCardSection
          holder="centre"
          items={items.data ?? []}
          itemId={cardItem}
          onItemChange={(itemId) =>
            setSearch((params) => {
              params.set('item', itemId);
              return params;
            }, { replace: true })
          }
          canWrite={canWrite}
        />
      </SupplySection>
    </div>
  );
}

/** Arrivals at the centre, newest first, 50 at a time. */
function Arrivals() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const arrivals = useMovements({ holder: 'centre', type: 'receipt' });
  const { signed } = useQuantity();
  const when = (movement: StockMovement) => formatDateTime(movement.occurredAt, language, me.centre.timeZone);
  const source = (movement: StockMovement) => (movement.source ? t(`supplies.source.${movement.source}`) : t('supplies.none'));
  if (arrivals.isError && !arrivals.data) return <ErrorState error={arrivals.error} onRetry={() => void arrivals.refetch()} />;
  const items = arrivals.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <DataList<StockMovement>
      items={items}
      loading={arrivals.isPending}
      rowKey={(movement) => movement.id}
      label={t('supplies.store.arrivals')}
      emptyText={t('supplies.store.noArrivals')}
      paginate={false}
      columns={[
        { title: t('supplies.card.when'), key: 'when', render: (_, movement) => <span className="nowrap">{when(movement)}</span> },
        { title: t('supplies.receipt.source'), key: 'source', render: (_, movement) => source(movement) },
        { title: t('supplies.figure.item'), dataIndex: 'itemName', key: 'item' },
        { title: t('supplies.card.quantity'), key: 'quantity', align: 'right', render: (_, movement) => signed(movement.quantity, movement.unit) },
        { title: t('supplies.receipt.documentNumber'), key: 'document', render: (_, movement) => movement.documentNumber ?? t('supplies.none') },
        { title: t('supplies.card.by'), dataIndex: 'recordedByName', key: 'by' },
        { title: t('supplies.form.note'), key: 'note', render: (_, movement) => (movement.reversedById ? t('supplies.card.reversed') : (movement.note ?? '')) },
      ]}
      renderCard={(movement) => (
        <div className="card-body">
          <div className="stock-card-head">
            <span className="card-title">{movement.itemName}</span>
            <strong>{signed(movement.quantity, movement.unit)}</strong>
          </div>
          <div>{[source(movement), movement.documentNumber].filter(Boolean).join(' · ')}</div>
          <Typography.Text type="secondary">
            {when(movement)} · {movement.recordedByName}
          </Typography.Text>
        </div>
      )}
      footer={
        arrivals.hasNextPage ? (
          <Button className="list-footer" onClick={() => void arrivals.fetchNextPage()} loading={arrivals.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null
      }
    />
  );
}
