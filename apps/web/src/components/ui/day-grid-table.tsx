import { Pagination } from 'antd';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMonthDay, formatWeekday } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useIsPhone } from '@/lib/use-is-phone';
import './day-grid.css';

/** A school's row of a schools × days grid (the shared `dayGridOf` shape). */
export interface DayGridRow {
  schoolId: string;
  code: string;
  name: string;
  cells: { day: string }[];
}

/** What one cell shows and says, as its page decides it. */
export interface DayGridCellView {
  /** The cell's state: `cell-<state>` in day-grid.css colours it. */
  state: string;
  /** The state's icon and word: colour is never the only signal. */
  icon: ReactNode;
  word: string;
  /** The whole sentence ("S05 11月28日 未报"): the link's name and the cell's tooltip. */
  label: string;
  /** Where the cell opens (that school's day); without it the cell is not a link. */
  href?: string;
  /** Short marks for the eye only (the words are in `label`); none: no marks line. */
  marks?: ReactNode;
}

interface DayGridTableProps<Row extends DayGridRow> {
  days: string[];
  today: string;
  rows: Row[];
  /** Names the table (and its scrolling box), e.g. "11月15日 至 11月28日，每行一所学校，每列一天". */
  caption: string;
  captionId: string;
  /** The corner header over the schools ("学校") and the word for today's column ("今天"). */
  cornerLabel: string;
  todayLabel: string;
  /** Where a school's name leads; without it the name is not a link (a reader who may not open the school's day). */
  rowHref?: (row: Row) => string;
  /** Anything shown after a school's name (a tag, a count). */
  rowExtra?: (row: Row) => ReactNode;
  cell: (cell: Row['cells'][number], row: Row) => DayGridCellView;
  /** On a phone: the cards' heading (default: the caption), its level, how many of the last days, and which schools first. */
  phoneTitle?: string;
  phoneHeadingLevel?: 2 | 3;
  phoneDays?: number;
  phoneOrder?: (a: Row, b: Row) => number;
  /** The grid's page of schools (the shared `dayGridOf` paging): a pager under the rows when there is more than one page. */
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
}

const CellLink = ({ href, className, children }: { href?: string; className: string; children: ReactNode }) =>
  href ? (
    <Link to={href} className={className}>
      {children}
    </Link>
  ) : (
    <span className={className}>{children}</span>
  );

function CellBody({ view }: { view: DayGridCellView }) {
  return (
    <>
      <span className="grid-cell-status" aria-hidden>
        {view.icon}
        <span>{view.word}</span>
      </span>
      {view.marks === undefined ? null : (
        <span className="grid-cell-extra" aria-hidden>
          {view.marks}
        </span>
      )}
    </>
  );
}

/**
 * Schools × days, the one shell of the centre's grids (daily reports, duty
 * reports): a real table with a row header per school and a column header per
 * day, each cell a link named by its whole sentence, with an icon and a word
 * as well as a colour. On a phone it is a card per school with its last days
 * as a list, readable without sideways scrolling (CONVENTIONS: no horizontal
 * scroll at 360 px).
 */
export function DayGridTable<Row extends DayGridRow>(props: DayGridTableProps<Row>) {
  const isPhone = useIsPhone();
  const { paging } = props;
  return (
    <>
      {isPhone ? <DayGridCards {...props} /> : <DayGridWide {...props} />}
      {paging && paging.total > paging.pageSize ? (
        <Pagination
          className="section grid-pager"
          current={paging.page}
          pageSize={paging.pageSize}
          total={paging.total}
          showSizeChanger={false}
          simple={isPhone}
          onChange={paging.onChange}
        />
      ) : null}
    </>
  );
}

function DayGridWide<Row extends DayGridRow>({
  days,
  today,
  rows,
  caption,
  captionId,
  cornerLabel,
  todayLabel,
  rowHref,
  rowExtra,
  cell,
}: DayGridTableProps<Row>) {
  const language = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  const last = days.at(-1) ?? today;

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
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="grid-corner">
              {cornerLabel}
            </th>
            {days.map((day) => (
              <th key={day} scope="col" className={day === today ? 'grid-day grid-today' : 'grid-day'}>
                <span className="grid-day-date">{formatMonthDay(day, language)}</span>
                <span className="grid-day-weekday">{day === today ? todayLabel : formatWeekday(day, language)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row" className="grid-school">
                <CellLink href={rowHref?.(row)} className="grid-school-label">
                  <span className="grid-school-code">{row.code}</span> <span className="grid-school-name">{row.name}</span>
                  {rowExtra?.(row)}
                </CellLink>
              </th>
              {row.cells.map((item) => {
                const view = cell(item, row);
                return (
                  <td key={item.day} className={`grid-cell cell-${view.state}${item.day === today ? ' grid-today' : ''}`} title={view.label}>
                    <CellLink href={view.href} className="grid-cell-link">
                      <span className="visually-hidden">{view.label}</span>
                      <CellBody view={view} />
                    </CellLink>
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

function DayGridCards<Row extends DayGridRow>({
  today,
  rows,
  caption,
  captionId,
  todayLabel,
  rowHref,
  rowExtra,
  cell,
  phoneTitle,
  phoneHeadingLevel = 3,
  phoneDays = 7,
  phoneOrder,
}: DayGridTableProps<Row>) {
  const language = useLanguage();
  const titleId = `${captionId}-phone`;
  const Heading = phoneHeadingLevel === 2 ? 'h2' : 'h3';
  const ordered = phoneOrder ? [...rows].sort((a, b) => phoneOrder(a, b) || a.code.localeCompare(b.code)) : rows;
  return (
    <section aria-labelledby={titleId}>
      <Heading id={titleId} className="grid-caption grid-phone-title">
        {phoneTitle ?? caption}
      </Heading>
      <ul className="grid-cards">
        {ordered.map((row) => (
          <li key={row.schoolId} className="grid-card">
            <CellLink href={rowHref?.(row)} className="grid-card-title">
              <span className="grid-school-code">{row.code}</span> {row.name}
              {rowExtra?.(row)}
            </CellLink>
            <ul className="grid-card-days">
              {row.cells
                .slice(-phoneDays)
                .reverse()
                .map((item) => {
                  const view = cell(item, row);
                  return (
                    <li key={item.day}>
                      <CellLink href={view.href} className={`grid-card-day cell-${view.state}`}>
                        {/* Named by the whole sentence, as the wide table's cells are; the short marks are for the eye only. */}
                        <span className="visually-hidden">{view.label}</span>
                        <span className="grid-card-date" aria-hidden>
                          {item.day === today ? todayLabel : formatMonthDay(item.day, language)}
                        </span>
                        <CellBody view={view} />
                      </CellLink>
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
