import { Button, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HolderStock, SupplyFigure } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { useLanguage } from '@/lib/language';
import { FormulaPopover } from './formula-popover';
import { StockStatusTag } from './stock-status-tag';
import { itemLabel, useQuantity } from './supply-format';

type Line = HolderStock['items'][number];

/**
 * A school's stock, item by item: on hand, in transit from the centre,
 * target, shortfall, days left and status, each with its formula; a button
 * opens the item's stock card.
 */
export function SchoolStockTable({ stock, onOpenCard }: { stock: HolderStock; onOpenCard: (itemId: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { quantity, days } = useQuantity();
  const name = (line: Line) => itemLabel(line.item, language);
  const formulas = (line: Line) => (line.formulas ?? {}) as Partial<Record<SupplyFigure, string>>;
  const formulaLabel = (line: Line) => t('supplies.formula.labelItem', { item: name(line) });
  const cardButton = (line: Line) => (
    <Button icon={<HistoryOutlined aria-hidden />} onClick={() => onOpenCard(line.item.id)} aria-label={t('supplies.card.openFor', { item: name(line) })}>
      {t('supplies.card.open')}
    </Button>
  );

  return (
    <DataList<Line>
      items={stock.items}
      rowKey={(line) => line.item.id}
      label={t('supplies.stock.tableLabel', { holder: stock.holderName })}
      emptyText={t('supplies.stock.empty')}
      paginate={false}
      columns={[
        { title: t('supplies.figure.item'), key: 'item', render: (_, line) => <strong>{name(line)}</strong> },
        { title: t('supplies.figure.on_hand'), key: 'onHand', align: 'right', render: (_, line) => quantity(line.onHand, line.item.unit) },
        { title: t('supplies.figure.in_transit'), key: 'inTransit', align: 'right', render: (_, line) => quantity(line.inTransit, line.item.unit) },
        { title: t('supplies.figure.target'), key: 'target', align: 'right', render: (_, line) => quantity(line.cell?.target, line.item.unit) },
        { title: t('supplies.figure.shortfall'), key: 'shortfall', align: 'right', render: (_, line) => <span className={line.cell?.shortfall ? 'gap-value' : undefined}>{quantity(line.cell?.shortfall, line.item.unit)}</span> },
        { title: t('supplies.figure.days_left'), key: 'daysLeft', align: 'right', render: (_, line) => (line.item.kind === 'equipment' ? t('supplies.equipment') : days(line.cell?.daysLeft ?? null)) },
        { title: t('supplies.figure.status'), key: 'status', render: (_, line) => (line.cell ? <StockStatusTag status={line.cell.status} /> : null) },
        { title: t('supplies.formula.column'), key: 'formula', render: (_, line) => <FormulaPopover formulas={formulas(line)} label={formulaLabel(line)} /> },
        { title: t('common.actions'), key: 'actions', render: (_, line) => cardButton(line) },
      ]}
      renderCard={(line) => (
        <div className="card-body">
          <div className="stock-card-head">
            <span className="card-title">{name(line)}</span>
            {line.cell ? <StockStatusTag status={line.cell.status} /> : null}
          </div>
          <dl className="figure-list">
            <div>
              <dt>{t('supplies.figure.on_hand')}</dt>
              <dd>{quantity(line.onHand, line.item.unit)}</dd>
            </div>
            <div>
              <dt>{t('supplies.figure.in_transit')}</dt>
              <dd>{quantity(line.inTransit, line.item.unit)}</dd>
            </div>
            <div>
              <dt>{t('supplies.figure.target')}</dt>
              <dd>{quantity(line.cell?.target, line.item.unit)}</dd>
            </div>
            <div>
              <dt>{t('supplies.figure.shortfall')}</dt>
              <dd className={line.cell?.shortfall ? 'gap-value' : undefined}>{quantity(line.cell?.shortfall, line.item.unit)}</dd>
            </div>
            <div>
              <dt>{t('supplies.figure.days_left')}</dt>
              <dd>{line.item.kind === 'equipment' ? t('supplies.equipment') : days(line.cell?.daysLeft ?? null)}</dd>
            </div>
          </dl>
          <Typography.Paragraph className="card-actions">
            <FormulaPopover formulas={formulas(line)} label={formulaLabel(line)} />
            {cardButton(line)}
          </Typography.Paragraph>
        </div>
      )}
    />
  );
}
