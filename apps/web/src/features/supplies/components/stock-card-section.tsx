import { useState } from 'react';
import { App, Button, Empty, Select, Table, Tag, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockMovement, SupplyItem } from '@campus/shared';
import { LoadingState } from '@/components/ui/loading-state';
import { ErrorState } from '@/components/ui/error-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useIsPhone } from '@/lib/use-is-phone';
import { useSession } from '@/lib/session';
import { useStockCard } from '../api/get-stock-card';
import { useReverseMovement } from '../api/reverse-movement';
import { ReasonModal } from './reason-modal';
import { itemLabel, useQuantity } from './supply-format';

const PAGE_SIZE = 20;
/** Transfer legs are undone by cancelling the transfer; a reversal is not reversed again (the server refuses both). */
const REVERSIBLE = new Set<StockMovement['type']>(['receipt', 'consumption', 'count_adjustment']);

/** One movement in words: "调拨入库 DB000012 · 一箱破损" */
export function useMovementDetail() {
  const { t } = useTranslation();
  return (movement: StockMovement) =>
    [
      movement.source ? t(`supplies.source.${movement.source}`) : null,
      movement.documentNumber,
      movement.transferNumber ? t('supplies.card.transfer', { number: movement.transferNumber }) : null,
      movement.note,
    ]
      .filter(Boolean)
      .join(' · ');
}

/**
 * 库存台账: every movement of one item with the running balance, newest
 * first, 20 to a page. Receipts, uses and counts can be reversed (a reason,
 * then a confirmation); the reversal is a new line, the old one is marked.
 */
export function StockCardSection({ holder, items, itemId, onItemChange, canWrite }: { holder: string; items: readonly SupplyItem[]; itemId: string | undefined; onItemChange: (itemId: string) => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const card = useStockCard(holder, itemId);
  const reverse = useReverseMovement();
  const { signed, quantity } = useQuantity();
  const detail = useMovementDetail();
  const [reversing, setReversing] = useState<StockMovement | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const movements = [...(card.data?.movements ?? [])].reverse();
  const when = (movement: StockMovement) => formatDateTime(movement.occurredAt, language, me.centre.timeZone);

  const typeCell = (movement: StockMovement) => (
    <span className="movement-type">
      {t(`supplies.movement.${movement.type}`)}
      {movement.reversedById ? <Tag className="tag-off">{t('supplies.card.reversed')}</Tag> : null}
    </span>
  );
  const action = (movement: StockMovement) =>
    canWrite && REVERSIBLE.has(movement.type) && !movement.reversedById ? (
      <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setReversing(movement)} aria-label={t('supplies.reverse.buttonFor', { type: t(`supplies.movement.${movement.type}`), when: when(movement) })}>
        {t('supplies.reverse.button')}
      </Button>
    ) : null;

  let body;
  if (!itemId) body = <Empty description={t('supplies.card.chooseItem')} />;
  else if (card.isPending) body = <LoadingState />;
  else if (card.isError) body = <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  else if (!movements.length) body = <Empty description={t('supplies.card.empty')} />;
  else if (isPhone)
    body = (
      <>
        <ul className="card-list" aria-label={t('supplies.card.listLabel', { item: itemLabel(card.data.item, language) })}>
          {movements.slice(0, shown).map((movement) => (
            <li key={movement.id} className="movement-card">
              <div className="stock-card-head">
                {typeCell(movement)}
                <strong className={movement.quantity < 0 ? 'quantity-out' : 'quantity-in'}>{signed(movement.quantity, movement.unit)}</strong>
              </div>
              <div>{t('supplies.card.balanceAfter', { quantity: quantity(movement.balanceAfter, movement.unit) })}</div>
              <Typography.Text type="secondary">
                {when(movement)} · {movement.recordedByName}
              </Typography.Text>
              {detail(movement) ? <div className="pre-wrap">{detail(movement)}</div> : null}
              {action(movement)}
            </li>
          ))}
        </ul>
        {movements.length > shown ? (
          <Button className="list-footer" onClick={() => setShown((count) => count + PAGE_SIZE)}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </>
    );
  else
    body = (
      <Table<StockMovement>
        aria-label={t('supplies.card.listLabel', { item: itemLabel(card.data.item, language) })}
        rowKey="id"
        dataSource={movements}
        pagination={movements.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('supplies.card.when'), key: 'when', render: (_, movement) => <span className="nowrap">{when(movement)}</span> },
          { title: t('supplies.card.type'), key: 'type', render: (_, movement) => typeCell(movement) },
          { title: t('supplies.card.quantity'), key: 'quantity', align: 'right', render: (_, movement) => <span className={movement.quantity < 0 ? 'quantity-out' : 'quantity-in'}>{signed(movement.quantity, movement.unit)}</span> },
          { title: t('supplies.card.balance'), key: 'balance', align: 'right', render: (_, movement) => quantity(movement.balanceAfter, movement.unit) },
          { title: t('supplies.card.detail'), key: 'detail', render: (_, movement) => detail(movement) },
          { title: t('supplies.card.by'), dataIndex: 'recordedByName', key: 'by' },
          ...(canWrite ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, movement: StockMovement) => action(movement) }] : []),
        ]}
      />
    );

  return (
    <>
      <div className="filter-field card-item-field">
        <label htmlFor="stock-card-item" className="filter-label">
          {t('supplies.card.item')}
        </label>
        <Select<string>
          id="stock-card-item"
          value={itemId}
          placeholder={t('supplies.card.chooseItem')}
          options={items.map((item) => ({ value: item.id, label: itemLabel(item, language) }))}
          onChange={(value) => {
            setShown(PAGE_SIZE);
            onItemChange(value);
          }}
        />
      </div>
      {card.data ? (
        <Typography.Paragraph>
          {t('supplies.card.summary', { holder: card.data.holderName, item: itemLabel(card.data.item, language), quantity: quantity(card.data.onHand, card.data.item.unit), count: card.data.movements.length })}
          {card.data.truncated ? ` ${t('supplies.card.truncated')}` : ''}
        </Typography.Paragraph>
      ) : null}
      {body}
      <ReasonModal
        open={reversing !== null}
        title={t('supplies.reverse.title')}
        description={reversing ? t('supplies.reverse.describe', { type: t(`supplies.movement.${reversing.type}`), item: reversing.itemName, quantity: signed(reversing.quantity, reversing.unit), when: when(reversing) }) : null}
        reasonLabel={t('supplies.reverse.reason')}
        okText={t('supplies.reverse.submit')}
        confirmTitle={t('supplies.reverse.confirmTitle')}
        confirmText={t('supplies.reverse.confirmText')}
        confirmOkText={t('supplies.reverse.confirmOk')}
        onSubmit={async (reason) => {
          await reverse.mutateAsync({ id: reversing!.id, reason });
          void message.success(t('supplies.reverse.done'));
        }}
        onClose={() => setReversing(null)}
      />
    </>
  );
}
