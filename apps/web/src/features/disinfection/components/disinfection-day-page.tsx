import { useState } from 'react';
import { Button, Empty, Tag } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { addDays, type AreaDayStatus, type DisinfectionDay, type DisinfectionLog } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { DayPicker, useDayParam } from '@/features/daily-reports';
import { formatDay } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useDisinfectionDay } from '../api/disinfection-day';
import { disinfectionCan } from '../permissions';
import { ComplianceTable } from './compliance-table';
import { percentOf, usePlanFormat } from './disinfection-format';
import { LogForm } from './log-form';
import { LogList, ReverseModal } from './log-list';
import '@/components/ui/picture-picker.css';
import './disinfection.css';

type DayArea = DisinfectionDay['areas'][number];

/** A school's disinfection day (`/disinfection`: the actor's school; `/disinfection/schools/:schoolId`: the centre opening one). */
export default function DisinfectionDayPage() {
  const me = useSession();
  const params = useParams();
  const schoolId = params.schoolId ?? me.school?.id;
  if (!disinfectionCan.read(me.user.role)) return <ForbiddenResult />;
  if (!schoolId) return <NotFoundResult />;
  return <DisinfectionDayView schoolId={schoolId} opened={params.schoolId !== undefined} />;
}

function DisinfectionDayView({ schoolId, opened }: { schoolId: string; opened: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const [day, setDay, today] = useDayParam();
  const query = useDisinfectionDay(schoolId, day === today ? undefined : day);
  const planPath = opened ? `/disinfection/schools/${schoolId}/plan` : '/disinfection/plan';
  return (
    <>
      <PageHeader
        title={opened ? t('disinfection.grid.title') : t('disinfection.day.title')}
        description={opened ? undefined : t('disinfection.day.intro')}
        back={
          opened && disinfectionCan.seeGrid(me.user.role) ? (
            <Link to="/disinfection/grid" className="back-link">
              <ArrowLeftOutlined aria-hidden /> {t('disinfection.day.backToGrid')}
            </Link>
          ) : undefined
        }
        extra={
          disinfectionCan.plan(me, schoolId) ? (
            <Link to={planPath}>
              <Button icon={<ScheduleOutlined aria-hidden />}>{t('disinfection.day.plan')}</Button>
            </Link>
          ) : null
        }
      />
      <DayPicker id="disinfection-day" label={t('dailyReports.day.label')} day={day} today={today} onChange={setDay} />
      <QueryState query={query}>{(view) => <DayBody key={`${view.school.id}|${view.day}`} view={view} planPath={planPath} />}</QueryState>
      <ComplianceTable schoolId={schoolId} />
    </>
  );
}

/** The order the log form preselects in: overdue first, then due, missed, and done last. */
const URGENCY: Record<AreaDayStatus, number> = { overdue: 0, due: 1, missed: 2, not_planned: 3, done: 4 };

function DayBody({ view, planPath }: { view: DisinfectionDay; planPath: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const [logging, setLogging] = useState<DayArea | null>(null);
  const [reversing, setReversing] = useState<DisinfectionLog | null>(null);
  // Today and yesterday may still be logged (and corrected); earlier days are for reading.
  const mayLog = disinfectionCan.log(me, view.school.id) && (view.day === view.today || view.day === addDays(view.today, -1));
  const percent = percentOf(view.compliance);
  const overdue = view.areas.filter((row) => row.status === 'overdue').length;
  const dayLabel = view.day === view.today ? t('dailyReports.day.today') : formatDay(view.day, language);
  const firstToDo = [...view.areas].sort((a, b) => URGENCY[a.status] - URGENCY[b.status])[0];

  return (
    <>
      <h2 className="section-title disinfection-school">{view.school.name}</h2>
      <p className="disinfection-summary" role="status">
        {percent === null ? (
          <span>{t('disinfection.day.complianceNone')}</span>
        ) : (
          <strong>{t('disinfection.day.compliance', { done: view.compliance.done, planned: view.compliance.planned, percent })}</strong>
        )}
        {overdue ? <Tag className="tag-danger">{t('disinfection.day.overdueCount', { count: overdue })}</Tag> : null}
      </p>
      {mayLog && firstToDo ? (
        <Button type="primary" size="large" block icon={<PlusOutlined aria-hidden />} className="disinfection-log-button" onClick={() => setLogging(firstToDo)}>
          {t('disinfection.day.log')}
        </Button>
      ) : null}
      {disinfectionCan.log(me, view.school.id) && !mayLog ? <p className="disinfection-note">{t('disinfection.day.readOnly')}</p> : null}

      <PageSection id="disinfection-areas-title" title={t('disinfection.day.areasOf', { day: dayLabel })}>
        {view.areas.length ? (
          <ul className="disinfection-areas" aria-labelledby="disinfection-areas-title">
            {view.areas.map((row) => (
              <li key={row.area.id}>
                <AreaRow row={row} onLog={mayLog ? () => setLogging(row) : undefined} />
              </li>
            ))}
          </ul>
        ) : (
          <NoPlan today={view.day === view.today} schoolId={view.school.id} planPath={planPath} />
        )}
      </PageSection>

      <PageSection id="disinfection-entries-title" title={t('disinfection.day.entries')}>
        <LogList logs={view.logs} label={t('disinfection.day.entries')} onReverse={mayLog ? setReversing : undefined} />
      </PageSection>

      {logging ? <LogForm view={view} area={logging} onClose={() => setLogging(null)} /> : null}
      {reversing ? <ReverseModal log={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}

/** The area's state in words: 已完成 / 待消毒 · 截止 10:00 / 已超时 / 未完成 / 不在计划内. */
export function AreaStatusTag({ row }: { row: Pick<DayArea, 'status' | 'nextDue'> }) {
  const { t } = useTranslation();
  switch (row.status) {
    case 'done':
      return <Tag className="tag-ok">{t('disinfection.day.status.done')}</Tag>;
    case 'due':
      return <Tag className="tag-info">{row.nextDue ? t('disinfection.day.status.dueBy', { time: row.nextDue }) : t('disinfection.day.status.due')}</Tag>;
    case 'overdue':
      return <Tag className="tag-danger">{t('disinfection.day.status.overdue')}</Tag>;
    case 'missed':
      return <Tag className="tag-danger">{t('disinfection.day.status.missed')}</Tag>;
    case 'not_planned':
      return <Tag className="tag-off">{t('disinfection.day.status.not_planned')}</Tag>;
  }
}

/** An area of the day: a button that opens the log form when the day may be logged, its state and rounds either way. */
function AreaRow({ row, onLog }: { row: DayArea; onLog?: () => void }) {
  const { t } = useTranslation();
  const format = usePlanFormat();
  const body = (
    <>
      <span className="disinfection-area-head">
        <span className="disinfection-area-name">{row.area.name}</span>
        <AreaStatusTag row={row} />
      </span>
      <span className="disinfection-area-meta">
        {row.area.kind} · {format.times(row.area.dueTimes)} · {format.weekdays(row.area.weekdays)}
      </span>
      <span className="disinfection-area-meta">
        {row.planned ? t('disinfection.day.rounds', { done: Math.min(row.done, row.planned), planned: row.planned }) : t('disinfection.day.notPlannedToday')}
        {row.status === 'overdue' && row.nextDue ? ` · ${t('disinfection.day.status.overdueSince', { round: row.done + 1, time: row.nextDue })}` : ''}
      </span>
    </>
  );
  return onLog ? (
    <button type="button" className={`disinfection-area disinfection-area-${row.status}`} onClick={onLog}>
      {body}
    </button>
  ) : (
    <div className={`disinfection-area disinfection-area-${row.status}`}>{body}</div>
  );
}

/** No area in the plan (on that day): the principal is taken to the plan, others are told whom to ask. */
function NoPlan({ today, schoolId, planPath }: { today: boolean; schoolId: string; planPath: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const mayPlan = disinfectionCan.plan(me, schoolId);
  const own = me.school?.id === schoolId;
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <span>{!today ? t('disinfection.day.noPlanDay') : own ? t('disinfection.day.noPlan') : t('disinfection.day.noPlanOther')}</span>
          {today && !mayPlan ? <span className="disinfection-block">{t('disinfection.day.noPlanAsk')}</span> : null}
        </>
      }
    >
      {mayPlan ? (
        <Link to={planPath}>
          <Button type="primary" icon={<ScheduleOutlined aria-hidden />}>
            {t('disinfection.day.makePlan')}
          </Button>
        </Link>
      ) : null}
    </Empty>
  );
}
