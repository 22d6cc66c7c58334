import { useState } from 'react';
import { App, Button, Card, Empty, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DeclineRequestInput, type HolderStock, type SupplyRequest } from '@campus/shared';
import { ErrorState } from '@/components/ui/error-state';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useDeclineRequest } from '../api/decline-request';
import { useSupplyRequests } from '../api/list-requests';
import { useWithdrawRequest } from '../api/withdraw-request';
import type { RequestFilters } from '../query-keys';
import { ApproveModal } from './approve-modal';
import { LinesTable } from './lines-table';
import { ReasonModal } from './reason-modal';
import { useQuantity } from './supply-format';

export function RequestStatusTag({ status }: { status: SupplyRequest['status'] }) {
  const { t } = useTranslation();
  return <Tag className={`request-tag request-${status}`}>{t(`supplies.requestStatus.${status}`)}</Tag>;
}

/**
 * Requests as cards: what was asked and approved per line, the reason, the
 * decision and the transfer it became. The centre approves (in full or in
 * part) or declines a pending one; the school that asked may withdraw it
 * (after a confirmation). Newest first, 20 at a time.
 */
export function RequestList({
  filters,
  canDecide,
  canWithdraw = false,
  showSchool,
  centreStock,
  label,
  emptyText,
}: {
  filters: RequestFilters;
  canDecide: boolean;
  canWithdraw?: boolean;
  showSchool: boolean;
  centreStock?: HolderStock;
  label: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const requests = useSupplyRequests(filters);
  const decline = useDeclineRequest();
  const withdraw = useWithdrawRequest();
  const { quantity } = useQuantity();
  const [approving, setApproving] = useState<SupplyRequest | null>(null);
  const [declining, setDeclining] = useState<SupplyRequest | null>(null);
  const when = (value: string) => formatDateTime(value, language, me.centre.timeZone);

  if (requests.isPending) return <LoadingState />;
  if (requests.isError && !requests.data) return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />;
  const items = requests.data.pages.flatMap((page) => page.items);
  const confirmWithdraw = (request: SupplyRequest) =>
    confirm({
      title: t('supplies.withdraw.confirmTitle', { number: request.number }),
      content: t('supplies.withdraw.confirmText'),
      okText: t('supplies.withdraw.confirmOk'),
      run: async () => {
        const withdrawn = await withdraw.mutateAsync(request.id);
        void message.success(t('supplies.withdraw.done', { number: withdrawn.number }));
      },
    });
  return (
    <>
      {items.length ? (
        <ul className="card-list" aria-label={label}>
          {items.map((request) => (
            <li key={request.id}>
              <Card
                size="small"
                title={<span className="document-title">{showSchool ? t('supplies.requests.cardTitleSchool', { number: request.number, school: request.schoolName }) : t('supplies.requests.cardTitle', { number: request.number })}</span>}
                extra={<RequestStatusTag status={request.status} />}
              >
                <Typography.Paragraph type="secondary" className="document-meta">
                  {t('supplies.requests.asked', { when: when(request.requestedAt), by: request.requestedByName })}
                  {request.decidedAt ? ` · ${t(request.status === 'withdrawn' ? 'supplies.requests.withdrawn' : 'supplies.requests.decided', { when: when(request.decidedAt), by: request.decidedByName ?? '' })}` : ''}
                  {request.transferNumber ? ` · ${t('supplies.requests.transfer', { number: request.transferNumber, status: request.transferStatus ? t(`supplies.transferStatus.${request.transferStatus}`) : '' })}` : ''}
                </Typography.Paragraph>
                <Typography.Paragraph className="document-note">{t('supplies.requests.reason', { reason: request.reason })}</Typography.Paragraph>
                <LinesTable
                  label={t('supplies.requests.linesLabel', { number: request.number })}
                  columns={[{ title: t('supplies.requests.requested') }, { title: t('supplies.requests.approved') }]}
                  lines={request.lines.map((line) => ({
                    key: line.itemId,
                    item: line.itemName,
                    cells: [
                      quantity(line.requestedQuantity, line.unit),
                      line.approvedQuantity !== null ? quantity(line.approvedQuantity, line.unit) : request.status === 'withdrawn' ? t('supplies.requestStatus.withdrawn') : t('supplies.requests.undecided'),
                    ],
                  }))}
                />
                {request.decisionNote ? <Typography.Paragraph className="document-note">{t('supplies.requests.decisionNote', { note: request.decisionNote })}</Typography.Paragraph> : null}
                {canDecide && request.status === 'pending' ? (
                  <div className="document-actions">
                    <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setApproving(request)} aria-label={t('supplies.approve.buttonFor', { number: request.number })}>
                      {t('supplies.approve.button')}
                    </Button>
                    <Button danger icon={<CloseOutlined aria-hidden />} onClick={() => setDeclining(request)} aria-label={t('supplies.decline.buttonFor', { number: request.number })}>
                      {t('supplies.decline.button')}
                    </Button>
                  </div>
                ) : null}
                {canWithdraw && request.status === 'pending' ? (
                  <div className="document-actions">
                    <Button icon={<RollbackOutlined aria-hidden />} onClick={() => confirmWithdraw(request)} aria-label={t('supplies.withdraw.buttonFor', { number: request.number })}>
                      {t('supplies.withdraw.button')}
                    </Button>
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Empty description={emptyText} />
      )}
      {requests.hasNextPage ? (
        <Button className="list-footer" onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
      {requests.isError ? <ErrorState error={requests.error} onRetry={() => void requests.fetchNextPage()} /> : null}
      <ApproveModal request={approving} centreStock={centreStock} onClose={() => setApproving(null)} />
      <ReasonModal
        open={declining !== null}
        title={declining ? t('supplies.decline.title', { number: declining.number, school: declining.schoolName }) : ''}
        description={declining ? t('supplies.decline.describe', { reason: declining.reason }) : null}
        reasonLabel={t('supplies.decline.reason')}
        okText={t('supplies.decline.submit')}
        confirmTitle={t('supplies.decline.confirmTitle')}
        confirmText={t('supplies.decline.confirmText')}
        confirmOkText={t('supplies.decline.confirmOk')}
        schema={DeclineRequestInput}
        maxLength={300}
        onSubmit={async (reason) => {
          const declined = await decline.mutateAsync({ id: declining!.id, reason });
          void message.success(t('supplies.decline.done', { number: declined.number }));
        }}
        onClose={() => setDeclining(null)}
      />
    </>
  );
}
