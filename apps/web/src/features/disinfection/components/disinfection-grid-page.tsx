import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DisinfectionGrid } from '@campus/shared';
import { DayGridTable } from '@/components/ui/day-grid-table';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { stateIcon } from '@/features/daily-reports';
import { formatMonthDay } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { usePageParam } from '@/lib/use-page-param';
import { useDisinfectionGrid } from '../api/disinfection-compliance';
import { disinfectionCan } from '../permissions';
import './disinfection.css';

type GridSchool = DisinfectionGrid['schools'][number];
type Cell = GridSchool['cells'][number];

/** A cell's state: every round done, some, none; today not complete yet; nothing planned. */
type CellState = 'done' | 'partial' | 'missed' | 'open' | 'none';

function stateOf(cell: Cell, today: string): CellState {
  if (cell.planned === 0) return 'none';
  if (cell.done >= cell.planned) return 'done';
  if (cell.day === today) return 'open';
  return cell.done > 0 ? 'partial' : 'missed';
}

/** Onto the grid shell's colours (day-grid.css) and icons: done as on time, partial as late, none as missing, open and nothing planned grey. */
const SHELL_STATE = { done: 'on_time', partial: 'late', missed: 'missing', open: 'open', none: 'open' } as const satisfies Record<CellState, keyof typeof stateIcon>;

export default function DisinfectionGridPage() {
  const me = useSession();
  if (!disinfectionCan.seeGrid(me.user.role)) return <ForbiddenResult />;
  return <GridView />;
}

function GridView() {
  const { t } = useTranslation();
  const me = useSession();
  const isPhone = useIsPhone();
  const [page, setPage] = usePageParam();
  const query = useDisinfectionGrid(isPhone ? 7 : 14, undefined, page);
  // Observers read the grid only; the centre opens a school's day.
  const mayOpen = disinfectionCan.read(me.user.role);
  return (
    <>
      <PageHeader title={t('disinfection.grid.title')} description={t('disinfection.grid.intro')} />
      <QueryState query={query}>
        {(grid) => (
          <>
            {grid.overdueToday.length ? (
              <OverdueAlert overdue={grid.overdueToday} mayOpen={mayOpen} />
            ) : (
              <Alert type="success" showIcon className="section" title={t('disinfection.grid.noneOverdue')} />
            )}
            <ComplianceGrid grid={grid} mayOpen={mayOpen} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

const OVERDUE_SHOWN = 6;

/** Today's overdue schools, each with its overdue areas; a long list shows its first few until asked for the rest. */
function OverdueAlert({ overdue, mayOpen }: { overdue: DisinfectionGrid['overdueToday']; mayOpen: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? overdue : overdue.slice(0, OVERDUE_SHOWN);
  return (
    <Alert
      type="error"
      showIcon
      className="section"
      title={<span className="disinfection-overdue-count">{t('disinfection.grid.overdue', { count: overdue.length })}</span>}
      description={
        <>
          <ul className="disinfection-overdue" aria-label={t('disinfection.grid.overdueList')}>
            {shown.map((school) => (
              <li key={school.schoolId}>
                {mayOpen ? <Link to={`/disinfection/schools/${school.schoolId}`}>{school.name}</Link> : <strong>{school.name}</strong>}
                <span className="disinfection-overdue-areas">{t('disinfection.grid.overdueAreas', { areas: school.areas.join(t('disinfection.listSeparator')) })}</span>
              </li>
            ))}
          </ul>
          {overdue.length > OVERDUE_SHOWN ? (
            <Button type="link" className="disinfection-more" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('disinfection.grid.fewer') : t('disinfection.grid.all', { count: overdue.length })}
            </Button>
          ) : null}
        </>
      }
    />
  );
}

/** How much is wrong with a school's days, for the phone's order: days with nothing done, then days part done. */
function troubleOf(school: GridSchool, today: string): number {
  return school.cells.reduce((sum, cell) => {
    const state = stateOf(cell, today);
    return sum + (state === 'missed' ? 100 : state === 'partial' ? 10 : 0);
  }, 0);
}

function ComplianceGrid({ grid, mayOpen, onPage }: { grid: DisinfectionGrid; mayOpen: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const last = grid.days.at(-1) ?? grid.today;
  const overdue = new Set(grid.overdueToday.map((school) => school.schoolId));
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  const rounds = (cell: Cell) => (cell.planned ? t('disinfection.grid.cellRounds', { done: Math.min(cell.done, cell.planned), planned: cell.planned }) : null);
  return (
    <DayGridTable
      days={grid.days}
      today={grid.today}
      rows={grid.schools}
      caption={t('disinfection.grid.caption', { from: formatMonthDay(grid.days[0] ?? last, language), to: formatMonthDay(last, language) })}
      captionId="disinfection-grid-caption"
      cornerLabel={t('disinfection.grid.school')}
      todayLabel={t('dailyReports.day.today')}
      rowHref={mayOpen ? (school) => `/disinfection/schools/${school.schoolId}` : undefined}
      cell={(cell, school) => {
        const state = stateOf(cell, grid.today);
        const word = t(`disinfection.grid.status.${state}`);
        return {
          state: SHELL_STATE[state],
          icon: stateIcon[SHELL_STATE[state]],
          word,
          label: [t('disinfection.grid.cellLabel', { code: school.code, date: formatMonthDay(cell.day, language), status: word }), rounds(cell)].filter(Boolean).join(t('disinfection.grid.labelSeparator')),
          href: mayOpen ? `/disinfection/schools/${school.schoolId}${dayQuery(cell.day)}` : undefined,
          marks: <span>{cell.planned ? `${Math.min(cell.done, cell.planned)}/${cell.planned}` : '—'}</span>,
        };
      }}
      phoneHeadingLevel={2}
      phoneOrder={(a, b) => Number(overdue.has(b.schoolId)) - Number(overdue.has(a.schoolId)) || troubleOf(b, grid.today) - troubleOf(a, grid.today)}
      paging={{ page: grid.page, pageSize: grid.pageSize, total: grid.total, onChange: onPage }}
    />
  );
}
