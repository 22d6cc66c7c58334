import { useState } from 'react';
import { App, Button, Card, Empty, Tag, Typography } from 'antd';
import { CheckOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CancelTransferInput, type SupplyTransfer } from '@campus/shared';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useCancelTransfer } from '../api/cancel-transfer';
import { useTransfers } from '../api/list-transfers';
import type { TransferFilters } from '../query-keys';
import { ReasonModal } from './reason-modal';
import { ReceiveModal } from './receive-modal';
import { LinesTable } from './lines-table';
import { useQuantity } from './supply-format';

/** 在途 / 已签收 / 已撤销, with the difference flagged in words. */
export function TransferStatusTag({ transfer }: { transfer: SupplyTransfer }) {
  const { t } = useTranslation();
  return (
    <span className="report-tags">
      <Tag className={`transfer-tag transfer-${transfer.status}`}>{t(`supplies.transferStatus.${transfer.status}`)}</Tag>
      {transfer.hasDiscrepancy ? <Tag className="stock-tag stock-short">{t('supplies.transfers.discrepancy')}</Tag> : null}
    </span>
  );
}

/**
 * Transfers as cards (one document, several items): issued, received and the
 * difference per line; the school confirms receipt, the centre may cancel one
 * still in transit. Newest first, 20 at a time.
 */
export function TransferList({ filters, canReceive, canCancel, showSchool, label, emptyText }: { filters: TransferFilters; canReceive: boolean; canCancel: boolean; showSchool: boolean; label: string; emptyText: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const { message } = App.useApp();
  const transfers = useTransfers(filters);
  const cancel = useCancelTransfer();
  const { quantity, signed } = useQuantity();
  const [receiving, setReceiving] = useState<SupplyTransfer | null>(null);
  const [cancelling, setCancelling] = useState<SupplyTransfer | null>(null);
  const when = (value: string) => formatDateTime(value, language, me.centre.timeZone);

  if (transfers.isPending) return <LoadingState />;
  if (transfers.isError && !transfers.data) return <ErrorState error={transfers.error} onRetry={() => void transfers.refetch()} />;
  const items = transfers.data.pages.flatMap((page) => page.items);

  return (
    <>
      {items.length ? (
        <ul className="card-list" aria-label={label}>
          {items.map((transfer) => (
            <li key={transfer.id}>
              <Card size="small" title={<span className="document-title">{showSchool ? t('supplies.transfers.cardTitleSchool', { number: transfer.number, school: transfer.schoolName }) : t('supplies.transfers.cardTitle', { number: transfer.number })}</span>} extra={<TransferStatusTag transfer={transfer} />}>
                <Typography.Paragraph type="secondary" className="document-meta">
                  {t('supplies.transfers.issued', { when: when(transfer.issuedAt), by: transfer.issuedByName })}
                  {transfer.requestNumber ? ` · ${t('supplies.transfers.forRequest', { number: transfer.requestNumber })}` : ''}
                  {transfer.receivedAt ? ` · ${t('supplies.transfers.received', { when: when(transfer.receivedAt), by: transfer.receivedByName ?? '' })}` : ''}
                  {transfer.cancelledAt ? ` · ${t('supplies.transfers.cancelled', { when: when(transfer.cancelledAt), reason: transfer.cancelReason ?? '' })}` : ''}
                </Typography.Paragraph>
                <LinesTable
                  label={t('supplies.transfers.linesLabel', { number: transfer.number })}
                  columns={[
                    { title: t('supplies.transfers.issuedQuantity') },
                    { title: t('supplies.transfers.receivedQuantity') },
                    { title: t('supplies.transfers.difference'), className: (index) => (transfer.lines[index]!.difference ? 'gap-value' : undefined) },
                  ]}
                  lines={transfer.lines.map((line) => ({
                    key: line.itemId,
                    item: line.itemName,
                    cells: [
                      quantity(line.issuedQuantity, line.unit),
                      line.receivedQuantity === null ? t('supplies.none') : quantity(line.receivedQuantity, line.unit),
                      line.difference === null ? t('supplies.none') : line.difference === 0 ? t('supplies.transfers.noDifference') : signed(line.difference, line.unit),
                    ],
                  }))}
                />
                {transfer.note ? <Typography.Paragraph className="document-note">{t('supplies.transfers.note', { note: transfer.note })}</Typography.Paragraph> : null}
                {transfer.discrepancyNote ? <Typography.Paragraph className="document-note">{t('supplies.transfers.discrepancyNote', { note: transfer.discrepancyNote })}</Typography.Paragraph> : null}
                {transfer.status === 'in_transit' && (canReceive || canCancel) ? (
                  <div className="document-actions">
                    {canReceive ? (
                      <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setReceiving(transfer)} aria-label={t('supplies.receive.buttonFor', { number: transfer.number })}>
                        {t('supplies.receive.button')}
                      </Button>
                    ) : null}
                    {canCancel ? (
                      <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setCancelling(transfer)} aria-label={t('supplies.cancelTransfer.buttonFor', { number: transfer.number })}>
                        {t('supplies.cancelTransfer.button')}
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Empty description={emptyText} />
      )}
      {transfers.hasNextPage ? (
        <Button className="list-footer" onClick={() => void transfers.fetchNextPage()} loading={transfers.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      {transfers.isError ? <ErrorState error={transfers.error} onRetry={() => void transfers.fetchNextPage()} /> : null}
      <ReceiveModal transfer={receiving} onClose={() => setReceiving(null)} />
      <ReasonModal
        open={cancelling !== null}
        title={cancelling ? t('supplies.cancelTransfer.title', { number: cancelling.number }) : ''}
        description={cancelling ? t('supplies.cancelTransfer.describe', { school: cancelling.schoolName }) : null}
        reasonLabel={t('supplies.cancelTransfer.reason')}
        okText={t('supplies.cancelTransfer.submit')}
        confirmTitle={t('supplies.cancelTransfer.confirmTitle')}
        confirmText={t('supplies.cancelTransfer.confirmText')}
        confirmOkText={t('supplies.cancelTransfer.confirmOk')}
        schema={CancelTransferInput}
        onSubmit={async (reason) => {
          const cancelled = await cancel.mutateAsync({ id: cancelling!.id, reason });
          void message.success(t('supplies.cancelTransfer.done', { number: cancelled.number }));
        }}
        onClose={() => setCancelling(null)}
      />
    </>
  );
}
