import { useTranslation } from 'react-i18next';
import type { CompletenessGrid } from '@campus/shared';
import { StatCards } from '@/components/ui/stat-cards';

/** Today across the township: people on the rosters, reached, exceptions, outside the city, in quarantine; schools filed. */
export function TownshipTotals({ grid }: { grid: CompletenessGrid }) {
  const { t } = useTranslation();
  const filedToday = grid.schools.filter((school) => {
    const cell = school.cells.find((candidate) => candidate.day === grid.today);
    return cell?.status === 'on_time' || cell?.status === 'late';
  }).length;
  const totals = grid.totals;
  const cards = [
    { key: 'people', title: t('dailyReports.totals.people'), value: totals.total },
    { key: 'reached', title: t('dailyReports.totals.reached'), value: totals.reached, suffix: `/ ${totals.total}` },
    { key: 'unreached', title: t('dailyReports.totals.unreached'), value: totals.unreachable },
    { key: 'exceptions', title: t('dailyReports.totals.exceptions'), value: totals.exception, alert: totals.exception > 0 },
    { key: 'outsideCity', title: t('dailyReports.totals.outsideCity'), value: totals.outsideCity },
    { key: 'inQuarantine', title: t('dailyReports.totals.inQuarantine'), value: totals.inQuarantine },
    { key: 'schoolsFiled', title: t('dailyReports.totals.schoolsFiled'), value: filedToday, suffix: `/ ${grid.schools.length}` },
  ];
  return <StatCards cards={cards} />;
}
