import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FollowUpStatus, StudyStatus } from '@campus/shared';
import { Banner, Button, ChoiceGroup, Dialog, PageTitle, StatusBadge, toast } from '@/components/phone';
import { QueryState } from '@/components/ui/query-state';
import { formatDate, formatTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { queueBulkWell } from '@/lib/offline/outbox';
import { useSession } from '@/lib/session';
import { useWorklist, type ShownItem, type ShownWorklist } from '../api/get-worklist';
import { ClassReportPanel } from './class-report-panel';
import { FollowUpStatusTag } from './status-tag';
import { useFollowUpSummary } from './use-follow-up-summary';
import { useWorklistRoute } from './use-worklist-route';
import './follow-ups.css';

type Filter = 'all' | FollowUpStatus;
const FILTERS: Filter[] = ['all', 'pending', 'exception', 'unreachable', 'well'];

/**
 * A class's students (or a school's staff) for the day: progress, states,
 * bulk "all well", the class report. Plain elements (the class teacher's
 * phone route, ADR 0006); works offline from the phone's copy, with what
 * waits in the outbox shown as such.
 */
export default function WorklistPage() {
  const route = useWorklistRoute();
  const worklist = useWorklist(route.params);
  return <QueryState query={worklist}>{(data) => <WorklistView worklist={data} />}</QueryState>;
}

function DayPicker({ worklist }: { worklist: ShownWorklist }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  return (
    <label className="day-picker">
      <span>{t('followUps.list.dayLabel')}</span>
      <input
        type="date"
        value={worklist.day}
        max={worklist.today}
        onChange={(event) => {
          const value = event.target.value;
          const next = new URLSearchParams(search);
          if (!value || value >= worklist.today) next.delete('day');
          else next.set('day', value);
          setSearch(next, { replace: true });
        }}
      />
    </label>
  );
}

function WorklistView({ worklist }: { worklist: ShownWorklist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const route = useWorklistRoute();
  const [filter, setFilter] = useState<Filter>('all');
  const [selecting, setSelecting] = useState(false);
  const isToday = worklist.day === worklist.today;
  const counts = worklist.counts;
  const visible = useMemo(() => (filter === 'all' ? worklist.items : worklist.items.filter((item) => item.status === filter)), [filter, worklist.items]);
  const title = route.isStaff ? t('followUps.list.staffTitle', { school: worklist.label }) : worklist.label;
  const percent = counts.total ? Math.round((counts.reached / counts.total) * 100) : 0;
  const progressText = t('followUps.list.progress', { reached: counts.reached, total: counts.total });

  return (
    <div className={selecting ? 'worklist-page selecting' : 'worklist-page'}>
      <PageTitle
        title={title}
        back={
          <Link to="/follow-ups" className="back-link">
            ‹ {t('followUps.list.backToChoice')}
          </Link>
        }
        description={isToday ? `${t('followUps.list.today')} · ${formatDate(`${worklist.day}T12:00:00Z`, language)}` : undefined}
      />
      <div className="phone-row section">
        <DayPicker worklist={worklist} />
      </div>
      {!isToday ? (
        <Banner
          tone="warning"
          className="section"
          title={t('followUps.list.pastDay', { day: formatDate(`${worklist.day}T12:00:00Z`, language) })}
          action={
            <Link to={route.listHref.split('?')[0] ?? '/'} replace>
              {t('followUps.list.goToday')}
            </Link>
          }
        />
      ) : null}
      {worklist.fromCopy ? <Banner tone="info" className="section" role="status" title={t('followUps.outbox.fromCopy')} /> : null}

      <section className="section worklist-progress" aria-label={t('followUps.list.progressLabel')}>
        <div className="phone-row phone-row-between">
          <strong className="progress-figure">{progressText}</strong>
          {counts.unreachable ? <span>{t('followUps.list.unreachableCount', { count: counts.unreachable })}</span> : null}
          {counts.pending ? <span>{t('followUps.list.pendingLeft', { count: counts.pending })}</span> : null}
        </div>
        <div className={counts.exception ? 'phone-progress phone-progress-exception' : 'phone-progress'} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={progressText}>
          <span style={{ width: `${percent}%` }} />
        </div>
      </section>

      {route.isStaff ? null : <ClassReportPanel worklist={worklist} />}

      <div className="phone-row section" role="group" aria-label={t('followUps.list.filterLabel')}>
        {FILTERS.map((key) => {
          const count = key === 'all' ? counts.total : counts[key];
          const label = key === 'all' ? t('followUps.list.all', { count }) : t('followUps.list.filterCount', { label: t(`followUps.status.${key}`), count });
          return (
            <Button key={key} variant={filter === key ? 'primary' : 'default'} aria-pressed={filter === key} onClick={() => setFilter(key)} className="filter-chip">
              {label}
            </Button>
          );
        })}
        {isToday && counts.pending && !selecting ? (
          <Button onClick={() => setSelecting(true)} className="filter-chip">
            {t('followUps.list.select')}
          </Button>
        ) : null}
      </div>

      {selecting ? (
        <BulkWell worklist={worklist} listKey={route.listKey} onDone={() => setSelecting(false)} />
      ) : worklist.items.length === 0 ? (
        <Banner tone="info" title={t('followUps.list.empty')} />
      ) : visible.length === 0 ? (
        <Banner tone="info" title={t('followUps.list.emptyFilter')} />
      ) : (
        <ul className="worklist" aria-label={title}>
          {visible.map((item) => (
            <li key={item.personId} className={`worklist-row status-${item.status}`}>
              <Link to={route.recordHref(item.personId)} className="worklist-link">
                <WorklistRow item={item} timeZone={me.centre.timeZone} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {counts.total > 0 && counts.pending === 0 && !worklist.report && !worklist.queuedReport && !route.isStaff ? (
        <Banner className="section" tone="success" title={t('followUps.list.allDone')} />
      ) : null}
    </div>
  );
}

function WorklistRow({ item, timeZone }: { item: ShownItem; timeZone: string }) {
  const { t } = useTranslation();
  const summary = useFollowUpSummary();
  const record = item.followUp;
  return (
    <>
      <span className="worklist-main">
        <span className="worklist-name">{item.name}</span>
        {item.studentNumber ? <span className="worklist-number">{item.studentNumber}</span> : null}
        {item.inQuarantine ? <span className="plain-tag tag-warn">{t('followUps.list.quarantine')}</span> : null}
        {item.queued ? <StatusBadge tone={item.queued === 'conflict' || item.queued === 'failed' ? 'error' : 'warning'}>{t(`followUps.outbox.state.${item.queued}`)}</StatusBadge> : null}
        <FollowUpStatusTag status={item.status} />
      </span>
      {record && !item.queued ? (
        <span className="worklist-detail">
          {summary(record)}
          {record.viaGroupChat ? ` · ${t('followUps.list.viaGroupChat')}` : ''}
          {record.corrected ? ` · ${t('followUps.list.corrected')}` : ''}
          {' · '}
          {t('followUps.list.recordedBy', { name: record.recordedByName, time: formatTime(record.updatedAt, timeZone) })}
        </span>
      ) : item.guardianName || item.guardianPhone ? (
        <span className="worklist-detail">{[item.guardianName, item.guardianPhone].filter(Boolean).join(' · ')}</span>
      ) : null}
    </>
  );
}

type BulkStudy = Extract<StudyStatus, 'yes' | 'no'> | 'unknown';

function BulkWell({ worklist, listKey, onDone }: { worklist: ShownWorklist; listKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const pending = worklist.items.filter((item) => item.status === 'pending');
  const [selected, setSelected] = useState<string[]>([]);
  // What the group chat said about online study, for the whole batch; "not sure" is recorded as unknown, never as studied.
  const [study, setStudy] = useState<BulkStudy>('unknown');
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const toggle = (personId: string, on: boolean) => setSelected((current) => (on ? [...current, personId] : current.filter((id) => id !== personId)));

  const submit = () => {
    if (saving) return;
    setSaving(true);
    const count = selected.length;
    queueBulkWell({
      listKey,
      day: worklist.day,
      label: t('followUps.outbox.bulkLabel', { count }),
      input: { day: worklist.day, personIds: selected, method: 'wechat', studiedOnline: study === 'unknown' ? null : study },
    }).then(
      () => {
        toast(navigator.onLine ? t('followUps.list.markedWell', { recorded: count }) : t('followUps.outbox.queuedBulk', { count }), 'success');
        setConfirming(false);
        onDone();
      },
      (error: unknown) => {
        setSaving(false);
        setConfirming(false);
        toast(error instanceof Error ? error.message : String(error), 'error');
      },
    );
  };

  return (
    <section className="section bulk-well" aria-label={t('followUps.list.select')}>
      <p>{t('followUps.list.selectHint')}</p>
      <div className="phone-row section">
        <Button onClick={() => setSelected(pending.map((item) => item.personId))}>{t('followUps.list.selectAll', { count: pending.length })}</Button>
        <Button onClick={() => setSelected([])} disabled={!selected.length}>
          {t('followUps.list.clearSelection')}
        </Button>
      </div>
      <ul className="worklist bulk-list">
        {pending.map((item) => (
          <li key={item.personId} className="worklist-row status-pending">
            <label className="bulk-check">
              <input type="checkbox" checked={selected.includes(item.personId)} onChange={(event) => toggle(item.personId, event.target.checked)} />
              <span className="worklist-name">{item.name}</span>
              {item.studentNumber ? <span className="worklist-number">{item.studentNumber}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <ChoiceGroup
        className="section bulk-study"
        name="bulk-study"
        legend={t('followUps.bulkStudy.label')}
        value={study}
        onChange={setStudy}
        options={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`followUps.bulkStudy.${value}`) }))}
      />
      <div className="bulk-bar">
        <strong aria-live="polite">{t('followUps.list.selected', { count: selected.length })}</strong>
        <div className="phone-row">
          <Button onClick={onDone}>{t('followUps.list.exitSelect')}</Button>
          <Button variant="primary" disabled={!selected.length} busy={saving} onClick={() => setConfirming(true)}>
            {t('followUps.list.markWell')}
          </Button>
        </div>
      </div>
      <Dialog
        open={confirming}
        title={t('followUps.list.markWellTitle', { count: selected.length })}
        confirmLabel={t('followUps.list.markWell')}
        cancelLabel={t('common.cancel')}
        busy={saving}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        {`${t('followUps.list.markWellText')} ${t('followUps.bulkStudy.text', { study: t(`followUps.bulkStudy.${study}`) })}`}
      </Dialog>
    </section>
  );
}
