import { Button, Flex, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addDays, SchoolKind, type CompletenessGrid } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { dailyReportCan } from '../permissions';
import { useSchools } from '@/features/schools';
import { formatDay } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useGrid } from '../api/get-grid';
import { usePageParam } from '@/lib/use-page-param';
import { CompletenessTable, GridLegend } from './completeness-table';
import { ExceptionList } from './exception-list';
import { TownshipTotals } from './township-totals';
import { ExportReportButton } from './export-report-button';
import { useDayParam } from './use-day-param';
import '@/components/ui/day-grid.css';
import './daily-reports.css';

const DAYS = 14;

/**
 * /daily-reports?to= — the centre's completeness grid: which schools have
 * filed (on time, late), which have not, 14 days at a time; today's township
 * totals and exceptions; the daily report export.
 */
export default function GridPage() {
  const me = useSession();
  if (!dailyReportCan.seeGrid(me.user.role)) return <ForbiddenResult />;
  return <Grid />;
}

function Grid() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [to, setTo, today] = useDayParam('to');
  const [page, setPage] = usePageParam();
  const grid = useGrid(to, DAYS, page);

  return (
    <div className="daily-reports-page">
      <PageHeader title={t('dailyReports.grid.title')} description={t('dailyReports.grid.intro', { day: formatDay(today, language) })} extra={<ExportReportButton today={today} />} />
      <QueryState query={grid}>
        {(data) => (
          <>
            <section aria-labelledby="grid-totals" className="report-section">
              <Typography.Title level={2} id="grid-totals" className="section-title">
                {t('dailyReports.totals.title', { day: formatDay(data.today, language) })}
              </Typography.Title>
              <TownshipTotals grid={data} />
            </section>

            <section aria-labelledby="grid-title" className="report-section">
              <div className="report-section-head">
                <Typography.Title level={2} id="grid-title" className="section-title">
                  {t('dailyReports.grid.sectionTitle')}
                </Typography.Title>
                <Flex wrap gap={8} className="grid-nav">
                  <Button icon={<LeftOutlined aria-hidden />} onClick={() => setTo(addDays(to, -DAYS))}>
                    {t('dailyReports.grid.earlier', { count: DAYS })}
                  </Button>
                  <Button onClick={() => setTo(addDays(to, DAYS))} disabled={to >= today}>
                    {t('dailyReports.grid.later', { count: DAYS })} <RightOutlined aria-hidden />
                  </Button>
                  <Button onClick={() => setTo(today)} disabled={to >= today}>
                    {t('dailyReports.day.today')}
                  </Button>
                </Flex>
              </div>
              <GridLegend />
              <Spin spinning={grid.isPlaceholderData} description={t('common.loading')}>
                <CompletenessTable grid={data} captionId="grid-caption" onPage={setPage} />
              </Spin>
            </section>

            <TodaysExceptions grid={data} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function TodaysExceptions({ grid }: { grid: CompletenessGrid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const schools = useSchools({ includeInactive: true });
  const kindOf = (schoolId: string) => SchoolKind.safeParse(schools.data?.find((school) => school.id === schoolId)?.kind).data;
  return (
    <section aria-labelledby="grid-exceptions" className="report-section">
      <Typography.Title level={2} id="grid-exceptions" className="section-title">
        {t('dailyReports.exceptions.todayTitle', { day: formatDay(grid.today, language), count: grid.exceptions.length })}
      </Typography.Title>
      <ExceptionList items={grid.exceptions} kindOf={kindOf} showSchool label={t('dailyReports.exceptions.listLabel')} emptyText={t('dailyReports.exceptions.noneTownship')} />
    </section>
  );
}
