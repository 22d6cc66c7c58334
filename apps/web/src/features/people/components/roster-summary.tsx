import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonFilters } from '@campus/shared';
import { useCategoryLabel } from '@/features/census';
import { useRosterSummary } from '../api/get-roster-summary';

/** The summary line the report uses: people registered, by kind, by census category, and the flags. */
export function RosterSummaryLine({ filters }: { filters: PersonFilters }) {
  const { t } = useTranslation();
  const label = useCategoryLabel();
  const summary = useRosterSummary(filters);
  const data = summary.data;

  return (
    <section className="roster-summary" aria-label={t('people.summary.label')} aria-busy={summary.isFetching}>
      {!data ? (
        summary.isError ? (
          <Typography.Text type="danger">{summary.error.message}</Typography.Text>
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        )
      ) : (
        <>
          <p className="summary-main">
            <strong>{t('people.summary.total', { count: data.total })}</strong>
            <span>{t('people.summary.students', { count: data.students })}</span>
            <span>{t('people.summary.staff', { count: data.staff })}</span>
          </p>
          <p className="summary-parts">
            <span className="summary-heading">{t('people.summary.byCategory')}</span>
            {data.byCategory
              .filter((row) => row.count > 0 || row.category?.code === 'normal')
              .map((row) => (
                <span key={row.category?.id ?? 'none'} className="summary-item">
                  {row.category ? label(row.category) : t('people.summary.uncategorised')} {row.count}
                </span>
              ))}
          </p>
          <p className="summary-parts">
            <span className="summary-item">{t('people.summary.leftBehind', { count: data.leftBehind })}</span>
            <span className="summary-item">{t('people.summary.noDevice', { count: data.noDevice })}</span>
            <span className="summary-item">{t('people.summary.outsideCity', { count: data.outsideCity })}</span>
          </p>
        </>
      )}
    </section>
  );
}
