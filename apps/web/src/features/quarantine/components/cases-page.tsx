import { useState } from 'react';
import { Alert, Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Id, type CaseAlert, type CentreCasesOverview, type HelpRequest, type SchoolCasesView } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { StatCards } from '@/components/ui/stat-cards';
import { useSession } from '@/lib/session';
import { useCasesOverview, useSchoolCases } from '../api/get-views';
import { quarantineCan } from '../permissions';
import { CaseTable } from './case-table';
import { OpenCasesChart } from './open-cases-chart';
import { ResolveHelpModal } from './case-modals';
import { useCaseLabels } from './use-case-labels';
import './quarantine.css';

/**
 * /cases — the centre's township overview (or, with ?schoolId=, one school's
 * cases); a principal's own school: open and closed cases, help asked for, alerts.
 */
/** The five figures of the township's or a school's cases, alerts in red when there are any. */
function CaseCountCards({ counts }: { counts: { open: number; newToday: number; releasedToday: number; needsHelp: number; alerts: number } }) {
  const { t } = useTranslation();
  return (
    <StatCards
      cards={[
        { key: 'open', title: t('quarantine.overview.open'), value: counts.open },
        { key: 'new', title: t('quarantine.overview.newToday'), value: counts.newToday },
        { key: 'released', title: t('quarantine.overview.releasedToday'), value: counts.releasedToday },
        { key: 'help', title: t('quarantine.overview.needsHelp'), value: counts.needsHelp, alert: counts.needsHelp > 0 },
        { key: 'alerts', title: t('quarantine.overview.alerts'), value: counts.alerts, alert: counts.alerts > 0 },
      ]}
    />
  );
}

export default function CasesPage() {
  const me = useSession();
  const [search] = useSearchParams();
  const schoolParam = search.get('schoolId');
  const schoolId = schoolParam && Id.safeParse(schoolParam).success ? schoolParam : undefined;
  if (!quarantineCan.seeSchool(me.user.role)) return <ForbiddenResult />;
  if (quarantineCan.seeOverview(me.user.role) && !schoolId) return <Overview />;
  return <SchoolCases schoolId={schoolId} />;
}

function Overview() {
  const overview = useCasesOverview();
  return <QueryState query={overview}>{(data) => <OverviewView overview={data} />}</QueryState>;
}

function OverviewView({ overview }: { overview: CentreCasesOverview }) {
  const { t } = useTranslation();
  const { totals } = overview;
  type SchoolRow = CentreCasesOverview['schools'][number];
  const columns: TableColumnsType<SchoolRow> = [
    {
      title: t('quarantine.overview.school'),
      key: 'school',
      render: (_, row) => (
        <Link to={`/cases?schoolId=${row.schoolId}`}>
          {row.code} {row.name}
        </Link>
      ),
    },
    { title: t('quarantine.overview.open'), dataIndex: 'open', key: 'open', sorter: (a, b) => a.open - b.open, defaultSortOrder: 'descend' },
    { title: t('quarantine.overview.newToday'), dataIndex: 'newToday', key: 'newToday' },
    { title: t('quarantine.overview.releasedToday'), dataIndex: 'releasedToday', key: 'releasedToday' },
    { title: t('quarantine.overview.needsHelp'), dataIndex: 'needsHelp', key: 'needsHelp' },
    { title: t('quarantine.overview.alerts'), dataIndex: 'alerts', key: 'alerts' },
  ];
  return (
    <>
      <PageHeader title={t('quarantine.overview.title')} />
      <CaseCountCards counts={totals} />
      <PageSection id="cases-alerts" title={t('quarantine.overview.alertList')}>
        <AlertList alerts={overview.alerts} />
      </PageSection>
      <PageSection id="cases-chart" title={t('quarantine.overview.chart', { days: overview.openByDay.length })}>
        <OpenCasesChart points={overview.openByDay} />
      </PageSection>
      <PageSection id="cases-schools" title={t('quarantine.overview.schools')}>
        <div className="table-scroll">
          <Table<SchoolRow> rowKey="schoolId" size="small" columns={columns} dataSource={overview.schools} pagination={false} aria-label={t('quarantine.overview.schools')} />
        </div>
      </PageSection>
    </>
  );
}

/** Fevers and crises of the last days: who, when, what, the case a click away. */
function AlertList({ alerts }: { alerts: CaseAlert[] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  if (!alerts.length) return <Alert type="success" showIcon title={t('quarantine.school.noAlerts')} />;
  return (
    <ul className="case-alerts" aria-label={t('quarantine.overview.alertList')}>
      {alerts.map((alert) => (
        <li key={alert.checkInId}>
          <Link to={`/cases/${alert.caseId}`}>{alert.person.name}</Link> · {alert.person.schoolName} · {labels.classOf(alert.person)} ·{' '}
          <strong className="case-alert-kind">{t('quarantine.alert.item', { day: labels.day(alert.day), kinds: labels.alerts(alert.kinds) })}</strong>
          {alert.temperature !== null ? ` · ${alert.temperature.toFixed(1)}°C` : ''} · {labels.mood(alert.mood)} · {alert.recordedByName}
        </li>
      ))}
    </ul>
  );
}

function SchoolCases({ schoolId }: { schoolId: string | undefined }) {
  const view = useSchoolCases(schoolId);
  return <QueryState query={view}>{(data) => <SchoolCasesPage view={data} />}</QueryState>;
}

function SchoolCasesPage({ view }: { view: SchoolCasesView }) {
  const { t } = useTranslation();
  const me = useSession();
  const labels = useCaseLabels();
  const [resolving, setResolving] = useState<HelpRequest | null>(null);
  const { counts } = view;
  return (
    <>
      <PageHeader
        title={t('quarantine.school.titleOf', { school: view.school.name })}
        back={
          quarantineCan.seeOverview(me.user.role) ? (
            <Link to="/cases" className="back-link">
              ‹ {t('quarantine.school.backToOverview')}
            </Link>
          ) : undefined
        }
      />
      <CaseCountCards counts={counts} />
      <PageSection id="school-alerts" title={t('quarantine.school.alerts', { count: view.alerts.length })}>
        <AlertList alerts={view.alerts} />
      </PageSection>
      <PageSection id="school-help" title={t('quarantine.school.help', { count: view.help.length })}>
        {view.help.length ? (
          <DataList<HelpRequest>
            items={view.help}
            rowKey={(item) => item.checkInId}
            label={t('quarantine.school.help', { count: view.help.length })}
            emptyText={t('quarantine.school.noHelp')}
            columns={[
              { title: t('quarantine.list.person'), key: 'person', render: (_, item) => <Link to={`/cases/${item.caseId}`}>{item.person.name}</Link> },
              { title: t('quarantine.form.day'), key: 'day', render: (_, item) => labels.day(item.day) },
              { title: t('quarantine.form.helpNeeded'), key: 'help', render: (_, item) => [item.helpNeeded, item.materialsNeeded].filter(Boolean).join('；') },
              { title: t('common.actions'), key: 'actions', render: (_, item) => <Button onClick={() => setResolving(item)}>{t('quarantine.file.resolveHelp')}</Button> },
            ]}
            renderCard={(item) => (
              <>
                <Link to={`/cases/${item.caseId}`}>{item.person.name}</Link> · {labels.day(item.day)}
                <Typography.Paragraph>{[item.helpNeeded, item.materialsNeeded].filter(Boolean).join('；')}</Typography.Paragraph>
                <Button onClick={() => setResolving(item)}>{t('quarantine.file.resolveHelp')}</Button>
              </>
            )}
          />
        ) : (
          <Alert type="success" showIcon title={t('quarantine.school.noHelp')} />
        )}
      </PageSection>
      <PageSection id="school-open" title={t('quarantine.school.open', { count: view.open.length })}>
        <CaseTable cases={view.open} label={t('quarantine.school.open', { count: view.open.length })} />
      </PageSection>
      <PageSection id="school-closed" title={t('quarantine.school.closed', { count: view.closed.length })}>
        <CaseTable cases={view.closed} label={t('quarantine.school.closed', { count: view.closed.length })} closed />
      </PageSection>
      {resolving ? <ResolveHelpModal caseId={resolving.caseId} checkInId={resolving.checkInId} onClose={() => setResolving(null)} /> : null}
    </>
  );
}
