import { Alert } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DutyGrid } from '@campus/shared';
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
import { useDutyGrid } from '../api/duty-grid';
import { dutyCan } from '../permissions';
import './duty.css';

type GridSchool = DutyGrid['schools'][number];
type Cell = GridSchool['cells'][number];

export default function DutyGridPage() {
  const me = useSession();
  if (!dutyCan.seeGrid(me.user.role)) return <ForbiddenResult />;
  return <DutyGridView />;
}

function DutyGridView() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = usePageParam();
  const query = useDutyGrid(isPhone ? 7 : 14, undefined, page);
  return (
    <>
      <PageHeader title={t('duty.grid.title')} description={t('duty.grid.intro')} />
      <QueryState query={query}>
        {(grid) => (
          <>
            {grid.missing ? (
              <Alert type="error" showIcon className="section" title={<span className="duty-missing-count">{t('duty.grid.missing', { count: grid.missing })}</span>} />
            ) : (
              <Alert type="success" showIcon className="section" title={t('duty.grid.noneMissing')} />
            )}
            <DutyGridTable grid={grid} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** How much is wrong with a school's days, for the phone's order: missing reports, then late ones. */
function troubleOf(school: GridSchool): number {
  return school.cells.reduce((sum, cell) => sum + (cell.status === 'missing' ? 100 : cell.status === 'late' ? 10 : 0), 0);
}

/** Schools × days through the daily report's grid shell: each cell says its state in words and an icon, and opens that school's day. */
function DutyGridTable({ grid, onPage }: { grid: DutyGrid; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const last = grid.days.at(-1) ?? grid.today;
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  const label = (code: string, cell: Cell) =>
    [t('duty.grid.cellLabel', { code, date: formatMonthDay(cell.day, language), status: t(`duty.grid.status.${cell.status}`) }), cell.zero ? t('duty.report.zero') : null, cell.pictures ? t('duty.grid.pictures', { count: cell.pictures }) : null]
      .filter(Boolean)
      .join('，');
  return (
    <DayGridTable
      days={grid.days}
      today={grid.today}
      rows={grid.schools}
      caption={t('duty.grid.caption', { from: formatMonthDay(grid.days[0] ?? last, language), to: formatMonthDay(last, language) })}
      captionId="duty-grid-caption"
      cornerLabel={t('duty.grid.school')}
      todayLabel={t('dailyReports.day.today')}
      rowHref={(school) => `/duty/schools/${school.schoolId}`}
      cell={(cell, school) => ({
        state: cell.status,
        icon: stateIcon[cell.status],
        word: t(`duty.grid.status.${cell.status}`),
        label: label(school.code, cell),
        href: `/duty/schools/${school.schoolId}${dayQuery(cell.day)}`,
        marks: cell.reportId ? (
          <>
            {cell.zero ? <span className="zero-mark">{t('duty.grid.zeroMark')}</span> : null}
            {cell.pictures ? (
              <span>
                <CameraOutlined /> {cell.pictures}
              </span>
            ) : null}
          </>
        ) : undefined,
      })}
      // The page has no section headings: the phone's cards are headed right under the page's title.
      phoneHeadingLevel={2}
      phoneOrder={(a, b) => troubleOf(b) - troubleOf(a)}
      paging={{ page: grid.page, pageSize: grid.pageSize, total: grid.total, onChange: onPage }}
    />
  );
}
