import { useLayoutEffect, useRef } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reportBadge, type CompletenessGrid, type ReportBadge } from '@campus/shared';
import { useLanguage } from '@/lib/language';
import { useIsPhone } from '@/lib/use-is-phone';
import { formatMonthDay, formatWeekday } from './day-format';
import { stateIcon, useBadgeTag, type ReportState } from './report-status';

type GridSchool = CompletenessGrid['schools'][number];
type GridCell = GridSchool['cells'][number];

function cellBadge(cell: GridCell): ReportBadge {
  return reportBadge(cell.status, cell.kind ? { kind: cell.kind, unreached: cell.unreached ?? 0 } : null);
}

/** What a cell says in words (its aria-label and title): "S05 11月28日 未报", "S01 11月27日 按时，零报告", "S02 12月2日 已报，校长代报 · 未联系 25 人". */
function useCellLabel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const tagOf = useBadgeTag();
  return (code: string, cell: GridCell) => {
    const badge = cellBadge(cell);
    return [
      t('dailyReports.grid.cellLabel', { code, date: formatMonthDay(cell.day, language), status: t(`dailyReports.cell.${badge.state}`) }),
      tagOf(badge),
      cell.exceptions ? t('dailyReports.grid.exceptionCount', { count: cell.exceptions }) : null,
    ]
      .filter(Boolean)
      .join(t('dailyReports.grid.labelSeparator'));
  };
}

/** The short marks of a cell, for the eye (the words are in its label). */
function CellMarks({ cell, badge }: { cell: GridCell; badge: ReportBadge }) {
  const { t } = useTranslation();
  return (
    <span className="grid-cell-extra" aria-hidden>
      {badge.tag === 'zero' ? <span className="zero-mark">{t('dailyReports.grid.zeroMark')}</span> : null}
      {badge.tag === 'on_behalf' || badge.tag === 'unreached' ? (
        <span className={badge.tag === 'on_behalf' ? 'behalf-mark' : 'unreached-mark'}>{t('dailyReports.grid.unreachedMark', { count: badge.unreached })}</span>
      ) : null}
      {cell.exceptions ? (
        <span className="exception-mark">
          <WarningOutlined /> {cell.exceptions}
        </span>
      ) : null}
    </span>
  );
}

/** How much is wrong with a school's days: missing and late reports, reports filed on behalf, people not reached. */
function troubleOf(school: GridSchool): number {
  return school.cells.reduce((sum, cell) => {
    const badge = cellBadge(cell);
    return sum + (badge.state === 'missing' ? 100 : badge.state === 'late' ? 10 : 0) + (badge.tag === 'on_behalf' ? 10 : 0) + (cell.unreached ?? 0) / 1000;
  }, 0);
}

const PHONE_DAYS = 7;

/**
 * The grid on a phone: a school as a card with its last days, the schools
 * with most trouble first, each day a link to that school's day — readable
 * without sideways scrolling.
 */
function CompletenessCards({ grid }: { grid: CompletenessGrid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cellLabel = useCellLabel();
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  const schools = [...grid.schools].sort((a, b) => troubleOf(b) - troubleOf(a) || a.code.localeCompare(b.code));
  return (
    <section aria-labelledby="grid-phone-title">
      <h3 id="grid-phone-title" className="grid-caption">
        {t('dailyReports.grid.phoneTitle', { count: Math.min(PHONE_DAYS, grid.days.length) })}
      </h3>
      <ul className="grid-cards">
        {schools.map((school) => (
          <li key={school.schoolId} className="grid-card">
            <Link to={`/daily-reports/schools/${school.schoolId}`} className="grid-card-title">
              <span className="grid-school-code">{school.code}</span> {school.name}
            </Link>
            <ul className="grid-card-days">
              {school.cells
                .slice(-PHONE_DAYS)
                .reverse()
                .map((cell) => {
                  const badge = cellBadge(cell);
                  return (
                    <li key={cell.day}>
                      <Link to={`/daily-reports/schools/${school.schoolId}${dayQuery(cell.day)}`} className={`grid-card-day cell-${badge.state}`}>
                        {/* Named by the whole sentence, as the wide table's cells are; the short marks are for the eye only. */}
                        <span className="visually-hidden">{cellLabel(school.code, cell)}</span>
                        <span className="grid-card-date" aria-hidden>
                          {cell.day === grid.today ? t('dailyReports.day.today') : formatMonthDay(cell.day, language)}
                        </span>
                        <span className="grid-cell-status" aria-hidden>
                          {stateIcon[badge.state]}
                          <span>{t(`dailyReports.cell.${badge.state}`)}</span>
                        </span>
                        <CellMarks cell={cell} badge={badge} />
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Schools × days as a real table: a row header per school, a column header
 * per day, each cell a link to that school's day with its state in words and
 * an icon as well as a colour. It scrolls sideways inside its own box on phones.
 */
export function CompletenessTable({ grid, captionId }: { grid: CompletenessGrid; captionId: string }) {
  return useIsPhone() ? <CompletenessCards grid={grid} /> : <CompletenessWideTable grid={grid} captionId={captionId} />;
}

function CompletenessWideTable({ grid, captionId }: { grid: CompletenessGrid; captionId: string }) {
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
                const badge = cellBadge(cell);
                const state: ReportState = badge.state;
                return (
                  <td key={cell.day} className={`grid-cell cell-${state}${cell.day === grid.today ? ' grid-today' : ''}`} title={label}>
                    {/* The link is named by the whole sentence; the short marks are for the eye only. */}
                    <Link to={`/daily-reports/schools/${school.schoolId}${dayQuery(cell.day)}`} className="grid-cell-link">
                      <span className="visually-hidden">{label}</span>
                      <span className="grid-cell-status" aria-hidden>
                        {stateIcon[state]}
                        <span>{t(`dailyReports.cell.${state}`)}</span>
                      </span>
                      <CellMarks cell={cell} badge={badge} />
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
  const states: ReportState[] = ['on_time', 'filed', 'late', 'missing', 'open'];
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
          <span className="behalf-mark">{t('dailyReports.grid.unreachedMark', { count: 25 })}</span>
        </span>
        <span>{t('dailyReports.legend.unreached')}</span>
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
