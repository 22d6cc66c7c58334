import { Card, Typography } from 'antd';
import { ArrowLeftOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id, SchoolKind, sumDayCounts, type SchoolDayView } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { dailyReportCan } from '../permissions';
import { formatDay } from '@/lib/day-format';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useSchoolDay } from '../api/get-school-day';
import { ClassTable, type ClassDay } from './class-table';
import { DayPicker } from './day-picker';
import { ExceptionList } from './exception-list';
import { FiledReport } from './filed-report';
import { FileSchoolReportForm } from './file-school-report-form';
import { ProgressSummary } from './progress-summary';
import { badgeOf, reportTiming, ReportStatusTags } from './report-status';
import { useDayParam } from './use-day-param';
import '@/components/ui/day-grid.css';
import './daily-reports.css';

/**
 * /daily-reports/schools/:schoolId?day= — a school's day: every class's calls
 * and report, the staff, every exception with what was done, and the school
 * report (the principal files it here). The centre opens any school from the grid.
 */
export default function SchoolDayPage() {
  const { schoolId = '' } = useParams();
  const me = useSession();
  if (!dailyReportCan.seeSchoolDay(me.user.role)) return <ForbiddenResult />;
  if (!Id.safeParse(schoolId).success) return <NotFoundResult />;
  return <SchoolDay schoolId={schoolId} />;
}

function SchoolDay({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const [day, setDay, today] = useDayParam();
  const view = useSchoolDay(schoolId, day);
  const township = dailyReportCan.seeGrid(me.user.role);
  const schoolName = view.data?.school.name ?? (me.school?.id === schoolId ? me.school.name : undefined);

  return (
    <div className="daily-reports-page">
      <PageHeader
        title={township && schoolName ? t('dailyReports.schoolDay.titleOf', { school: schoolName }) : t('dailyReports.schoolDay.title')}
        description={[township ? null : schoolName, formatDay(day, language)].filter(Boolean).join(' · ')}
        back={
          township ? (
            <Link to={day === today ? '/daily-reports' : `/daily-reports?to=${day}`} className="back-link">
              <ArrowLeftOutlined aria-hidden /> {t('dailyReports.schoolDay.backToGrid')}
            </Link>
          ) : undefined
        }
      />
      <div className="toolbar">
        <DayPicker id="school-day" label={t('dailyReports.day.label')} day={day} today={today} onChange={setDay} />
      </div>
      <QueryState query={view}>{(data) => <SchoolDayBody view={data} />}</QueryState>
    </div>
  );
}

function SchoolDayBody({ view }: { view: SchoolDayView }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const role = me.user.role;
  const kind = SchoolKind.safeParse(view.school.kind).data;
  const isPrincipal = role === 'principal';
  const dayQuery = view.day === view.today ? '' : `?day=${view.day}`;
  const worklistHref = isPrincipal ? (schoolClass: ClassDay) => `/follow-ups/class/${schoolClass.classId}${dayQuery}` : undefined;
  const staffHref = `/follow-ups/staff/${view.school.id}${dayQuery}`;
  const students = sumDayCounts(view.classes.map((schoolClass) => schoolClass.progress));
  const classesFiled = view.classes.filter((schoolClass) => schoolClass.report).length;
  const isToday = view.day === view.today;

  return (
    <>
      <PageSection className="report-section" id="school-day-summary" title={t('dailyReports.summary.title')}>
        <Card size="small">
          <div className="summary-grid">
            <div>
              <div className="summary-label">{t('dailyReports.summary.schoolReport')}</div>
              <ReportStatusTags badge={badgeOf(view.report, view.deadline)} />
            </div>
            <div>
              <div className="summary-label">{t('dailyReports.summary.deadline')}</div>
              <div>{formatDateTime(view.deadline, language, me.centre.timeZone)}</div>
            </div>
            <div>
              <div className="summary-label">{t('dailyReports.summary.classesFiled')}</div>
              <div className="summary-value">{t('dailyReports.summary.ofTotal', { count: classesFiled, total: view.classes.length })}</div>
            </div>
            <div>
              <div className="summary-label">{t('dailyReports.summary.studentsReached')}</div>
              <div className="summary-value">{t('dailyReports.summary.ofTotal', { count: students.reached, total: students.total })}</div>
            </div>
            <div>
              <div className="summary-label">{t('dailyReports.summary.staffReached')}</div>
              <div className="summary-value">{t('dailyReports.summary.ofTotal', { count: view.staff.reached, total: view.staff.total })}</div>
            </div>
            <div className={view.exceptions.length ? 'count-exception' : undefined}>
              <div className="summary-label">{t('dailyReports.summary.exceptions')}</div>
              <div className="summary-value">{view.exceptions.length}</div>
            </div>
          </div>
        </Card>
      </PageSection>

      <PageSection className="report-section" id="school-day-classes" title={t('dailyReports.classes.title')}>
        <ClassTable view={view} kind={kind} worklistHref={worklistHref} />
      </PageSection>

      <PageSection className="report-section" id="school-day-staff" title={t('dailyReports.staff.title')}>
        <Card size="small">
          <div className="staff-row">
            <ProgressSummary progress={view.staff} label={t('dailyReports.staff.title')} />
            {isPrincipal ? (
              <Link to={staffHref} className="staff-link">
                <TeamOutlined aria-hidden /> {t('dailyReports.staff.open')}
              </Link>
            ) : null}
          </div>
        </Card>
      </PageSection>

      <PageSection className="report-section" id="school-day-exceptions" title={t('dailyReports.exceptions.title', { count: view.exceptions.length })}>
        <ExceptionList
          items={view.exceptions}
          kindOf={() => kind}
          label={t('dailyReports.exceptions.listLabel')}
          emptyText={isToday ? t('dailyReports.exceptions.noneToday') : t('dailyReports.exceptions.noneOnDay')}
        />
      </PageSection>

      <PageSection className="report-section" id="school-day-report" title={t('dailyReports.report.title')}>
        <Card size="small">
          {view.report ? (
            <FiledReport report={view.report} view={view} kind={kind} />
          ) : dailyReportCan.fileSchoolReport(role) ? (
            <FileSchoolReportForm key={view.day} view={view} kind={kind} staffHref={staffHref} />
          ) : (
            <Typography.Paragraph className="no-margin">
              {reportTiming(null, view.deadline) === 'missing' ? t('dailyReports.report.missing') : t('dailyReports.report.notYet')}
            </Typography.Paragraph>
          )}
        </Card>
      </PageSection>
    </>
  );
}
