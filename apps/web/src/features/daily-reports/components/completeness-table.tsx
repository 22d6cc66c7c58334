import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { reportBadge, type CompletenessGrid, type ReportBadge } from '@campus/shared';
import { DayGridTable } from '@/components/ui/day-grid-table';
import { formatMonthDay } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
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

/** The short marks of a cell, for the eye (the words are in its label; the shell hides them from screen readers). */
function CellMarks({ cell, badge }: { cell: GridCell; badge: ReportBadge }) {
  const { t } = useTranslation();
  return (
    <>
      {badge.tag === 'zero' ? <span className="zero-mark">{t('dailyReports.grid.zeroMark')}</span> : null}
      {badge.tag === 'on_behalf' || badge.tag === 'unreached' ? (
        <span className={badge.tag === 'on_behalf' ? 'behalf-mark' : 'unreached-mark'}>{t('dailyReports.grid.unreachedMark', { count: badge.unreached })}</span>
      ) : null}
      {cell.exceptions ? (
        <span className="exception-mark">
          <WarningOutlined /> {cell.exceptions}
        </span>
      ) : null}
    </>
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
 * Schools × days through the one grid shell: each cell a link to that
 * school's day with its state in words and an icon as well as a colour; on a
 * phone a card per school with its last days, the schools with most trouble first.
 */
export function CompletenessTable({ grid, captionId, onPage }: { grid: CompletenessGrid; captionId: string; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cellLabel = useCellLabel();
  const last = grid.days.at(-1) ?? grid.today;
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  return (
    <DayGridTable
      days={grid.days}
      today={grid.today}
      rows={grid.schools}
      caption={t('dailyReports.grid.caption', { from: formatMonthDay(grid.days[0] ?? last, language), to: formatMonthDay(last, language) })}
      captionId={captionId}
      cornerLabel={t('dailyReports.grid.school')}
      todayLabel={t('dailyReports.day.today')}
      paging={{ page: grid.page, pageSize: grid.pageSize, total: grid.total, onChange: onPage }}
      rowHref={(school) => `/daily-reports/schools/${school.schoolId}${dayQuery(last)}`}
      cell={(cell, school) => {
        const badge = cellBadge(cell);
        return {
          state: badge.state,
          icon: stateIcon[badge.state],
          word: t(`dailyReports.cell.${badge.state}`),
          label: cellLabel(school.code, cell),
          href: `/daily-reports/schools/${school.schoolId}${dayQuery(cell.day)}`,
          marks: <CellMarks cell={cell} badge={badge} />,
        };
      }}
      phoneTitle={t('dailyReports.grid.phoneTitle', { count: Math.min(PHONE_DAYS, grid.days.length) })}
      phoneDays={PHONE_DAYS}
      phoneOrder={(a, b) => troubleOf(b) - troubleOf(a)}
    />
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
