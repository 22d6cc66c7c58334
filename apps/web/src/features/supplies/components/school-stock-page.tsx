import { useState } from 'react';
import { Button, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, InboxOutlined, MinusCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Id } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { useSession } from '@/lib/session';
import { useSupplyItems } from '../api/list-items';
import { useHolderStock } from '../api/get-stock';
import { supplyCan } from '../permissions';
import { MovementModal, type MovementKind } from './movement-modal';
import { RequestList } from './request-list';
import { RequestModal } from './request-modal';
import { SchoolStockTable } from './school-stock-table';
import { StockCardSection } from './stock-card-section';
import { SupplySection } from './supply-section';
import { TransferList } from './transfer-list';
import './supplies.css';

/**
 * /supplies/schools/:schoolId?item= — one school's supplies: stock, gap and
 * days left per item (with the formulas), transfers to confirm, the stock
 * card of an item, requests to the centre and the transfers' history. The
 * school's principal and gate staff record receipts, use and counts here;
 * the centre opens it from the matrix.
 */
export default function SchoolStockPage() {
  const { schoolId = '' } = useParams();
  const me = useSession();
  if (!supplyCan.read(me.user.role)) return <ForbiddenResult />;
  if (!Id.safeParse(schoolId).success) return <NotFoundResult />;
  return <SchoolStock schoolId={schoolId} />;
}

function SchoolStock({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const stock = useHolderStock(schoolId);
  const items = useSupplyItems();
  const [search, setSearch] = useSearchParams();
  const [movement, setMovement] = useState<MovementKind | null>(null);
  const [requesting, setRequesting] = useState(false);
  const own = me.school?.id === schoolId;
  const canWrite = supplyCan.writeSchoolStock(me, schoolId);
  const canAct = supplyCan.actForSchool(me, schoolId);
  const township = supplyCan.seeTownship(me.user.role);
  const cardItem = search.get('item') ?? undefined;
  const schoolName = stock.data?.holderName ?? (own ? me.school?.name : undefined);
  const catalogue = items.data ?? [];

  function openCard(itemId: string) {
    setSearch((params) => {
      params.set('item', itemId);
      return params;
    }, { replace: true });
    window.requestAnimationFrame(() => document.getElementById('stock-card-title')?.scrollIntoView({ block: 'start' }));
  }

  return (
    <div className="supplies-page">
      <PageHeader
        title={own ? t('supplies.school.ownTitle') : schoolName ? t('supplies.school.titleOf', { school: schoolName }) : t('supplies.school.title')}
        description={own ? schoolName : undefined}
        back={
          township ? (
            <Link to="/supplies" className="back-link">
              <ArrowLeftOutlined aria-hidden /> {t('supplies.school.backToMatrix')}
            </Link>
          ) : undefined
        }
        extra={
          canWrite || canAct ? (
            <>
              {canWrite ? (
                <>
                  <Button type="primary" icon={<MinusCircleOutlined aria-hidden />} onClick={() => setMovement('consumption')}>
                    {t('supplies.consumption.button')}
                  </Button>
                  <Button icon={<InboxOutlined aria-hidden />} onClick={() => setMovement('receipt')}>
                    {t('supplies.receipt.buttonSchool')}
                  </Button>
                  <Button icon={<AuditOutlined aria-hidden />} onClick={() => setMovement('count')}>
                    {t('supplies.count.button')}
                  </Button>
                </>
              ) : null}
              {canAct ? (
                <Button icon={<SendOutlined aria-hidden />} onClick={() => setRequesting(true)}>
                  {t('supplies.request.button')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <QueryState query={stock}>
        {(data) => (
          <>
            <SupplySection id="incoming-title" title={t('supplies.school.incoming')}>
              <TransferList
                filters={{ schoolId, status: 'in_transit' }}
                canReceive={canAct}
                canCancel={false}
                showSchool={false}
                label={t('supplies.school.incoming')}
                emptyText={t('supplies.school.noIncoming')}
              />
            </SupplySection>

            <SupplySection id="stock-title" title={t('supplies.school.stock')}>
              <Typography.Paragraph type="secondary">{t('supplies.school.stockIntro', { heads: data.heads?.everyone ?? 0, staff: data.heads?.staff ?? 0 })}</Typography.Paragraph>
              <SchoolStockTable stock={data} onOpenCard={openCard} />
            </SupplySection>

            <SupplySection id="stock-card-title" title={t('supplies.card.title')}>
              <StockCardSection holder={schoolId} items={catalogue} itemId={cardItem} onItemChange={openCard} canWrite={canWrite} />
            </SupplySection>

            <SupplySection id="requests-title" title={t('supplies.school.requests')}>
              <RequestList filters={{ schoolId }} canDecide={false} canWithdraw={canAct} showSchool={false} label={t('supplies.school.requests')} emptyText={t('supplies.school.noRequests')} />
            </SupplySection>

            <SupplySection id="transfers-title" title={t('supplies.school.transfers')}>
              <TransferList filters={{ schoolId }} canReceive={false} canCancel={false} showSchool={false} label={t('supplies.school.transfers')} emptyText={t('supplies.school.noTransfers')} />
            </SupplySection>

            <MovementModal kind={movement} holder={schoolId} stock={data} items={catalogue} onClose={() => setMovement(null)} />
            <RequestModal open={requesting} stock={data} items={catalogue} onClose={() => setRequesting(false)} />
          </>
        )}
      </QueryState>
    </div>
  );
}
