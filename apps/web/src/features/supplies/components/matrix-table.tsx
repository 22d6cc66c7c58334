import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ShortfallMatrix } from '@campus/shared';
import { useLanguage } from '@/lib/language';
import { FormulaPopover, useCellFormulas } from './formula-popover';
import { StockStatusTag } from './stock-status-tag';
import { formatNumber, itemLabel } from './supply-format';

type Item = ShortfallMatrix['items'][number];

/**
 * Schools × items as a real table: a row header per school (a link to its
 * stock page), a column per item with its unit, each cell its status in a
 * word and colour, on hand, in transit, target, shortfall and days left,
 * and the formulas behind them. The footer holds the township's totals and
 * the centre's store. Wide screens only: a phone gets MatrixCards.
 */
export function MatrixTable({ matrix, sortedItemId, sortDirection, sortLabel }: { matrix: ShortfallMatrix; sortedItemId?: string; sortDirection?: 'ascending' | 'descending'; sortLabel?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formulasOf = useCellFormulas();
  const n = (value: number | null) => (value === null ? t('supplies.none') : formatNumber(value, language));
  const header = (item: Item) => t('supplies.matrix.itemHeader', { item: itemLabel(item, language), unit: t(`supplies.unit.${item.unit}`) });
  const centre = new Map((matrix.centreOnHand ?? []).map((line) => [line.itemId, line.onHand]));

  return (
    <div className="matrix-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table className="matrix-table">
        <caption id="matrix-caption" className="matrix-caption">
          {t('supplies.matrix.caption', { count: matrix.totalRows })}
          {sortLabel ? ` ${sortLabel}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('supplies.matrix.school')}
            </th>
            {matrix.items.map((item) => (
              <th key={item.id} scope="col" aria-sort={item.id === sortedItemId ? sortDirection : undefined} className={item.id === sortedItemId ? 'matrix-sorted' : undefined}>
                {header(item)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row" className="matrix-school">
                <Link to={`/supplies/schools/${row.schoolId}`} className="matrix-school-link">
                  <span className="matrix-school-code">{row.code}</span> <span>{row.name}</span>
                </Link>
                <span className="matrix-heads">{t('supplies.matrix.heads', { everyone: row.heads.everyone, staff: row.heads.staff })}</span>
              </th>
              {matrix.items.map((item) => {
                const cell = row.cells.find((candidate) => candidate.itemId === item.id);
                if (!cell) return <td key={item.id} />;
                return (
                  <td key={item.id} className={`matrix-cell cell-${cell.status}`}>
                    <StockStatusTag status={cell.status} />
                    <dl className="cell-figures">
                      <div>
                        <dt>{t('supplies.figure.on_hand')}</dt>
                        <dd>{n(cell.onHand)}</dd>
                      </div>
                      {cell.inTransit ? (
                        <div>
                          <dt>{t('supplies.figure.in_transit')}</dt>
                          <dd>{n(cell.inTransit)}</dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>{t('supplies.figure.target')}</dt>
                        <dd>{n(cell.target)}</dd>
                      </div>
                      <div>
                        <dt>{t('supplies.figure.shortfall')}</dt>
                        <dd className={cell.shortfall ? 'gap-value' : undefined}>{n(cell.shortfall)}</dd>
                      </div>
                      {item.kind === 'consumable' ? (
                        <div>
                          <dt>{t('supplies.figure.days_left')}</dt>
                          <dd>{cell.daysLeft === null ? t('supplies.none') : t('supplies.daysValue', { days: formatNumber(cell.daysLeft, language) })}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <FormulaPopover formulas={formulasOf(cell, item.unit, row.heads)} label={t('supplies.formula.labelCell', { school: `${row.code} ${row.name}`, item: itemLabel(item, language) })} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('supplies.matrix.totals', { count: matrix.totalRows })}</th>
            {matrix.items.map((item) => {
              const total = matrix.totals.find((candidate) => candidate.itemId === item.id);
              if (!total) return <td key={item.id} />;
              return (
                <td key={item.id} className="matrix-total">
                  <dl className="cell-figures">
                    <div>
                      <dt>{t('supplies.matrix.totalShortfall')}</dt>
                      <dd className={total.shortfall ? 'gap-value' : undefined}>{n(total.shortfall)}</dd>
                    </div>
                    <div>
                      <dt>{t('supplies.figure.on_hand')}</dt>
                      <dd>{n(total.onHand)}</dd>
                    </div>
                    {total.inTransit ? (
                      <div>
                        <dt>{t('supplies.figure.in_transit')}</dt>
                        <dd>{n(total.inTransit)}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t('supplies.figure.target')}</dt>
                      <dd>{n(total.target)}</dd>
                    </div>
                  </dl>
                  <div className="matrix-total-schools">{t('supplies.matrix.schoolsCount', { out: total.schoolsOut, short: total.schoolsShort })}</div>
                </td>
              );
            })}
          </tr>
          {matrix.centreOnHand ? (
            <tr>
              <th scope="row">{t('supplies.matrix.centreStore')}</th>
              {matrix.items.map((item) => (
                <td key={item.id} className="matrix-total">
                  {n(centre.get(item.id) ?? 0)}
                </td>
              ))}
            </tr>
          ) : null}
        </tfoot>
      </table>
    </div>
  );
}
