import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSection } from '@/components/ui/page-section';
import { QueryState } from '@/components/ui/query-state';
import { formatMonthDay, formatWeekday } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useComplianceHistory } from '../api/disinfection-compliance';
import { percentOf } from './disinfection-format';

const DAYS = 14;

/** The school's rounds done / planned for each of the last 14 days, newest first; a day opens that day. */
export function ComplianceTable({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useComplianceHistory(schoolId, DAYS);
  return (
    <PageSection id="disinfection-compliance-title" title={t('disinfection.compliance.title', { days: DAYS })}>
      <QueryState query={query}>
        {(history) => {
          const today = history.days.at(-1)?.day;
          if (history.days.every((row) => row.planned === 0)) return <p className="disinfection-note">{t('disinfection.compliance.empty', { days: DAYS })}</p>;
          return (
            <table className="disinfection-compliance">
              <caption className="visually-hidden">{t('disinfection.compliance.caption', { days: DAYS })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('disinfection.compliance.day')}</th>
                  <th scope="col">{t('disinfection.compliance.done')}</th>
                  <th scope="col">{t('disinfection.compliance.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {[...history.days].reverse().map((row) => {
                  const percent = percentOf(row);
                  const label = `${formatMonthDay(row.day, language)} ${row.day === today ? t('dailyReports.day.today') : formatWeekday(row.day, language)}`;
                  return (
                    <tr key={row.day} className={percent === null ? undefined : percent === 100 ? 'compliance-full' : percent === 0 && row.day !== today ? 'compliance-none' : undefined}>
                      <th scope="row">
                        <Link to={{ search: row.day === today ? '' : `?day=${row.day}` }}>{label}</Link>
                      </th>
                      <td>{row.planned ? `${row.done}/${row.planned}` : t('disinfection.compliance.none')}</td>
                      <td>{percent === null ? t('disinfection.compliance.none') : `${percent}%`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        }}
      </QueryState>
    </PageSection>
  );
}
