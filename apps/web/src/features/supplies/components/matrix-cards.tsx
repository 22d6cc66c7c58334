import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { compareStatus, type ShortfallMatrix, type SupplyUnit } from '@campus/shared';
import { useLanguage } from '@/lib/language';
import { FormulaPopover, useCellFormulas } from './formula-popover';
import { StockStatusTag } from './stock-status-tag';
import { formatNumber, itemLabel } from './supply-format';

type Row = ShortfallMatrix['rows'][number];
type Cell = Row['cells'][number];

/** How much of its target an item lacks (0–1): comparable across units, unlike the gap itself. */
const missingShare = (cell: Cell) => (cell.shortfall && cell.target ? cell.shortfall / cell.target : 0);

/** A school's items that need the centre's attention (out, short or unknown), the worst status first, then the largest share of the target missing. */
function cellsToShow(row: Row): Cell[] {
  return row.cells.filter((cell) => cell.status !== 'adequate' || (cell.shortfall ?? 0) > 0).sort((a, b) => compareStatus(a.status, b.status) || missingShare(b) - missingShare(a));
}

/**
 * The shortfall matrix on a phone: one card per school (in the order the
 * matrix is sorted in) listing its items short of target, the worst first,
 * then the township's totals. Reads top to bottom; nothing scrolls sideways.
 */
export function MatrixCards({ matrix }: { matrix: ShortfallMatrix }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formulasOf = useCellFormulas();
  const items = new Map(matrix.items.map((item) => [item.id, item]));
  const centre = new Map((matrix.centreOnHand ?? []).map((line) => [line.itemId, line.onHand]));
  const amount = (value: number | null, unit: SupplyUnit) => (value === null ? t('supplies.none') : `${formatNumber(value, language)} ${t(`supplies.unit.${unit}`)}`);

  return (
    <>
      <Typography.Paragraph id="matrix-caption" className="matrix-cards-caption">
        {t('supplies.matrixCards.caption', { count: matrix.totalRows })}
      </Typography.Paragraph>
      <ul className="card-list matrix-cards" aria-labelledby="matrix-caption">
        {matrix.rows.map((row) => {
          const shown = cellsToShow(row);
          const others = row.cells.length - shown.length;
          return (
            <li key={row.schoolId}>
              <Card size="small">
                <div className="matrix-card-head">
                  <Link to={`/supplies/schools/${row.schoolId}`} className="card-title-link">
                    {row.code} {row.name}
                  </Link>
                  <StockStatusTag status={row.worstStatus} />
                </div>
                <Typography.Text type="secondary" className="matrix-heads">
                  {t('supplies.matrix.heads', { everyone: row.heads.everyone, staff: row.heads.staff })}
                </Typography.Text>
                {shown.length ? (
                  <ul className="matrix-card-items">
                    {shown.map((cell) => {
                      const item = items.get(cell.itemId);
                      if (!item) return null;
                      return (
                        <li key={cell.itemId} className={`matrix-card-item cell-${cell.status}`}>
                          <div className="matrix-card-item-head">
                            <span className="matrix-card-item-title">
                              <StockStatusTag status={cell.status} />
                              <strong>{itemLabel(item, language)}</strong>
                              {cell.shortfall ? <span className="gap-value">{t('supplies.matrixCards.shortfall', { value: amount(cell.shortfall, item.unit) })}</span> : null}
                            </span>
                            <FormulaPopover formulas={formulasOf(cell, item.unit, row.heads)} label={t('supplies.formula.labelCell', { school: `${row.code} ${row.name}`, item: itemLabel(item, language) })} />
                          </div>
                          <div className="matrix-card-figures">
                            {[
                              t('supplies.matrixCards.figures', { onHand: amount(cell.onHand, item.unit), target: amount(cell.target, item.unit) }),
                              cell.inTransit ? t('supplies.matrixCards.inTransit', { value: amount(cell.inTransit, item.unit) }) : null,
                              item.kind === 'consumable' && cell.daysLeft !== null ? t('supplies.matrixCards.daysLeft', { value: t('supplies.daysValue', { days: formatNumber(cell.daysLeft, language) }) }) : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
                <Typography.Text type="secondary" className="matrix-card-others">
                  {shown.length ? (others ? t('supplies.matrixCards.othersAdequate', { count: others }) : null) : t('supplies.matrixCards.allAdequate')}
                </Typography.Text>
              </Card>
            </li>
          );
        })}
        <li>
          <Card size="small" title={t('supplies.matrixCards.totalsTitle', { count: matrix.totalRows })}>
            <ul className="matrix-card-items">
              {matrix.totals.map((total) => {
                const item = items.get(total.itemId);
                if (!item) return null;
                return (
                  <li key={total.itemId} className="matrix-card-item">
                    <strong>{itemLabel(item, language)}</strong>
                    <div className="matrix-card-figures">
                      {t('supplies.matrixCards.totalLine', { shortfall: amount(total.shortfall, item.unit), onHand: amount(total.onHand, item.unit), target: amount(total.target, item.unit) })}
                      <br />
                      {t('supplies.matrix.schoolsCount', { out: total.schoolsOut, short: total.schoolsShort })}
                      {matrix.centreOnHand ? ` · ${t('supplies.matrixCards.centreStore', { value: amount(centre.get(total.itemId) ?? 0, item.unit) })}` : ''}
                    </div>
                  </li>
                );
              })}
            </ul>
          </Card>
        </li>
      </ul>
    </>
  );
}
