import { useLayoutEffect, useRef } from 'react';
import { Alert } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DutyGrid } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { formatMonthDay, formatWeekday, stateIcon } from '@/features/daily-reports';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useDutyGrid } from '../api/duty-grid';
import { dutyCan } from '../permissions';
import '@/components/ui/day-grid.css';
import './duty.css';

type Cell = DutyGrid['schools'][number]['cells'][number];

export default function DutyGridPage() {
  const me = useSession();
  if (!dutyCan.seeGrid(me.user.role)) return <ForbiddenResult />;
  return <DutyGridView />;
}

function DutyGridView() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useDutyGrid(isPhone ? 7 : 14);
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
            <DutyGridTable grid={grid} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** Schools × days, as the daily report's grid: each cell says its state in words and an icon, and opens that school's day. */
function DutyGridTable({ grid }: { grid: DutyGrid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  const last = grid.days.at(-1) ?? grid.today;
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, [last]);
  const dayQuery = (day: string) => (day === grid.today ? '' : `?day=${day}`);
  const label = (code: string, cell: Cell) =>
    [t('duty.grid.cellLabel', { code, date: formatMonthDay(cell.day, language), status: t(`duty.grid.status.${cell.status}`) }), cell.zero ? t('duty.report.zero') : null, cell.pictures ? t('duty.grid.pictures', { count: cell.pictures }) : null]
      .filter(Boolean)
      .join('，');
  return (
    <div ref={scroller} className="grid-scroll" role="region" aria-labelledby="duty-grid-caption" tabIndex={0}>
      <table className="completeness-grid">
        <caption id="duty-grid-caption" className="grid-caption">
          {t('duty.grid.caption', { from: formatMonthDay(grid.days[0] ?? last, language), to: formatMonthDay(last, language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="grid-corner">
              {t('duty.grid.school')}
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
                <Link to={`/duty/schools/${school.schoolId}`}>
                  <span className="grid-school-code">{school.code}</span> <span className="grid-school-name">{school.name}</span>
                </Link>
              </th>
              {school.cells.map((cell) => {
                const words = label(school.code, cell);
                return (
                  <td key={cell.day} className={`grid-cell cell-${cell.status}${cell.day === grid.today ? ' grid-today' : ''}`} title={words}>
                    <Link to={`/duty/schools/${school.schoolId}${dayQuery(cell.day)}`} className="grid-cell-link">
                      <span className="visually-hidden">{words}</span>
                      <span className="grid-cell-status" aria-hidden>
                        {stateIcon[cell.status]}
                        <span>{t(`duty.grid.status.${cell.status}`)}</span>
                      </span>
                      {cell.reportId ? (
                        <span className="grid-cell-extra" aria-hidden>
                          {cell.zero ? <span className="zero-mark">{t('duty.grid.zeroMark')}</span> : null}
                          {cell.pictures ? (
                            <span>
                              <CameraOutlined /> {cell.pictures}
                            </span>
                          ) : null}
                        </span>
                      ) : null}
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
