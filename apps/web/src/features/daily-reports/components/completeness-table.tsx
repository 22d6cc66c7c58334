import { useLayoutEffect, useRef } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompletenessGrid } from '@campus/shared';
import { useLanguage } from '@/lib/language';
import { formatMonthDay, formatWeekday } from './day-format';
import { stateIcon, type ReportState } from './report-status';

type GridCell = CompletenessGrid['schools'][number]['cells'][number];

/** What a cell says in words (its aria-label and title): "S05 11月28日 未报", "S01 11月27日 按时，零报告". */
function useCellLabel() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (code: string, cell: GridCell) =>
    [
      t('dailyReports.grid.cellLabel', { code, date: formatMonthDay(cell.day, language), status: t(`dailyReports.cell.${cell.status}`) }),
      cell.zero ? t('dailyReports.cell.zero') : null,
      cell.exceptions ? t('dailyReports.grid.exceptionCount', { count: cell.exceptions }) : null,
    ]
      .filter(Boolean)
      .join(t('dailyReports.grid.labelSeparator'));
}

/**
 * Schools × days as a real table: a row header per school, a column header
 * per day, each cell a link to that school's day with its state in words and
 * an icon as well as a colour. It scrolls sideways inside its own box on phones.
 */
export function CompletenessTable({ grid, captionId }: { grid: CompletenessGrid; captionId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cellLabel = useCellLabel();
  const last = grid.days[grid.days.length - 1] ?? grid.today;
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  const scroller = useRef<HTMLDivElement>(null);

  // The latest day is on the right: where the grid is wider than the screen, start scrolled to it.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, [last]);

  return (
    // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div ref={scroller} className="grid-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="completeness-grid">
        <caption id={captionId} className="grid-caption">
          {t('dailyReports.grid.caption', { from: formatMonthDay(grid.days[0] ?? last, language), to: formatMonthDay(last, language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="grid-corner">
              {t('dailyReports.grid.school')}
            </th>
            {grid.days.map((day) => (
              <th key={day} scope="col" className={day === grid.today ? 'grid-day grid-today' : 'grid-day'}>
                <span className="grid-day-date">{formatMonthDay(day, language)}</span>
                <span className="grid-day-weekday">{day === grid.today ? t('dailyReports.day.today') : formatWeekday(day, language)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.schools.map((school) => (
            <tr key={school.schoolId}>
              <th scope="row" className="grid-school">
                <Link to={`/daily-reports/schools/${school.schoolId}${dayQuery(last)}`}>
                  <span className="grid-school-code">{school.code}</span> <span className="grid-school-name">{school.name}</span>
                </Link>
              </th>
              {school.cells.map((cell) => {
                const label = cellLabel(school.code, cell);
                const state: ReportState = cell.status;
                return (
                  <td key={cell.day} className={`grid-cell cell-${state}${cell.day === grid.today ? ' grid-today' : ''}`} title={label}>
                    {/* The link is named by the whole sentence; the short marks are for the eye only. */}
                    <Link to={`/daily-reports/schools/${school.schoolId}${dayQuery(cell.day)}`} className="grid-cell-link">
                      <span className="visually-hidden">{label}</span>
                      <span className="grid-cell-status" aria-hidden>
                        {stateIcon[state]}
                        <span>{t(`dailyReports.cell.${state}`)}</span>
                      </span>
                      <span className="grid-cell-extra" aria-hidden>
                        {cell.zero ? <span className="zero-mark">{t('dailyReports.grid.zeroMark')}</span> : null}
                        {cell.exceptions ? (
                          <span className="exception-mark">
                            <WarningOutlined /> {cell.exceptions}
                          </span>
                        ) : null}
                      </span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The legend: every mark in the grid, with the same icon, colour and word. */
export function GridLegend() {
  const { t } = useTranslation();
  const states: ReportState[] = ['on_time', 'late', 'missing', 'open'];
  return (
    <ul className="grid-legend" aria-label={t('dailyReports.grid.legend')}>
      {states.map((state) => (
        <li key={state}>
          <span className={`legend-chip cell-${state}`}>
            {stateIcon[state]} {t(`dailyReports.cell.${state}`)}
          </span>
          <span>{t(`dailyReports.legend.${state}`)}</span>
        </li>
      ))}
      <li>
        <span className="legend-chip">
          <span className="zero-mark">{t('dailyReports.grid.zeroMark')}</span>
        </span>
        <span>{t('dailyReports.legend.zero')}</span>
      </li>
      <li>
        <span className="legend-chip" aria-hidden>
          <span className="exception-mark">
            <WarningOutlined /> 2
          </span>
        </span>
        <span>{t('dailyReports.legend.exceptions')}</span>
      </li>
    </ul>
  );
}
