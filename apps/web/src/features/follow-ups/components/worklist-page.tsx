import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FollowUpStatus, StudyStatus, Worklist, WorklistItem } from '@campus/shared';
import { ChoiceButtons } from '@/components/ui/choice-buttons';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { formatDate, formatTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useBulkWell } from '../api/bulk-well';
import { useWorklist } from '../api/get-worklist';
import { ClassReportPanel } from './class-report-panel';
import { FollowUpStatusTag } from './status-tag';
import { useFollowUpSummary } from './use-follow-up-summary';
import { useWorklistRoute } from './use-worklist-route';
import './follow-ups.css';

type Filter = 'all' | FollowUpStatus;
const FILTERS: Filter[] = ['all', 'pending', 'exception', 'unreachable', 'well'];

/** A class's students (or a school's staff) for the day: progress, states, bulk "all well", the class report. */
export default function WorklistPage() {
  const route = useWorklistRoute();
  const worklist = useWorklist(route.params);
  return <QueryState query={worklist}>{(data) => <WorklistView worklist={data} />}</QueryState>;
}

function DayPicker({ worklist }: { worklist: Worklist }) {
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

function WorklistView({ worklist }: { worklist: Worklist }) {
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

  return (
    <div className={selecting ? 'worklist-page selecting' : 'worklist-page'}>
      <PageHeader
        title={title}
        back={
          <Link to="/follow-ups" className="back-link">
            ‹ {t('followUps.list.backToChoice')}
          </Link>
        }
        description={isToday ? `${t('followUps.list.today')} · ${formatDate(`${worklist.day}T12:00:00Z`, language)}` : undefined}
      />
      <Flex wrap gap={12} align="center" className="section">
        <DayPicker worklist={worklist} />
        {!isToday ? (
          <Alert
            type="warning"
            showIcon
            title={t('followUps.list.pastDay', { day: formatDate(`${worklist.day}T12:00:00Z`, language) })}
            action={
              <Link to={route.listHref.split('?')[0]!} replace>
                {t('followUps.list.goToday')}
              </Link>
            }
          />
        ) : null}
      </Flex>

      <section className="section worklist-progress" aria-label={t('followUps.list.progressLabel')}>
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Text strong className="progress-figure">
            {t('followUps.list.progress', { reached: counts.reached, total: counts.total })}
          </Typography.Text>
          {counts.unreachable ? <Typography.Text>{t('followUps.list.unreachableCount', { count: counts.unreachable })}</Typography.Text> : null}
          {counts.pending ? <Typography.Text>{t('followUps.list.pendingLeft', { count: counts.pending })}</Typography.Text> : null}
        </Flex>
        <Progress
          percent={counts.total ? Math.round((counts.reached / counts.total) * 100) : 0}
          showInfo={false}
          strokeColor={counts.exception ? '#cf1322' : undefined}
          aria-label={t('followUps.list.progress', { reached: counts.reached, total: counts.total })}
        />
      </section>

      {route.isStaff ? null : <ClassReportPanel worklist={worklist} />}

      <Flex wrap gap={8} className="section" role="group" aria-label={t('followUps.list.filterLabel')}>
        {FILTERS.map((key) => {
          const count = key === 'all' ? counts.total : counts[key];
          const label = key === 'all' ? t('followUps.list.all', { count }) : t('followUps.list.filterCount', { label: t(`followUps.status.${key}`), count });
          return (
            <Button key={key} type={filter === key ? 'primary' : 'default'} aria-pressed={filter === key} onClick={() => setFilter(key)} className="filter-chip">
              {label}
            </Button>
          );
        })}
        {isToday && counts.pending && !selecting ? (
          <Button onClick={() => setSelecting(true)} className="filter-chip">
            {t('followUps.list.select')}
          </Button>
        ) : null}
      </Flex>

      {selecting ? (
        <BulkWell worklist={worklist} onDone={() => setSelecting(false)} />
      ) : worklist.items.length === 0 ? (
        <Alert type="info" showIcon title={t('followUps.list.empty')} />
      ) : visible.length === 0 ? (
        <Alert type="info" showIcon title={t('followUps.list.emptyFilter')} />
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
      {counts.total > 0 && counts.pending === 0 && !worklist.report && !route.isStaff ? (
        <Alert className="section" type="success" showIcon title={t('followUps.list.allDone')} />
      ) : null}
    </div>
  );
}

function WorklistRow({ item, timeZone }: { item: WorklistItem; timeZone: string }) {
  const { t } = useTranslation();
  const summary = useFollowUpSummary();
  const record = item.followUp;
  return (
    <>
      <span className="worklist-main">
        <span className="worklist-name">{item.name}</span>
        {item.studentNumber ? <span className="worklist-number">{item.studentNumber}</span> : null}
        {item.inQuarantine ? <Tag className="tag-warn">{t('followUps.list.quarantine')}</Tag> : null}
        <FollowUpStatusTag status={item.status} />
      </span>
      {record ? (
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

function BulkWell({ worklist, onDone }: { worklist: Worklist; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const bulkWell = useBulkWell();
  const pending = worklist.items.filter((item) => item.status === 'pending');
  const [selected, setSelected] = useState<string[]>([]);
  // What the group chat said about online study, for the whole batch; "not sure" is recorded as unknown, never as studied.
  const [study, setStudy] = useState<Extract<StudyStatus, 'yes' | 'no'> | 'unknown'>('unknown');
  // A second tap on "mark well" while its confirmation is open does not open another one.
  const confirming = useRef(false);

  const submit = () => {
    if (confirming.current || bulkWell.isPending) return;
    confirming.current = true;
    modal.confirm({
      title: t('followUps.list.markWellTitle', { count: selected.length }),
      content: `${t('followUps.list.markWellText')} ${t('followUps.bulkStudy.text', { study: t(`followUps.bulkStudy.${study}`) })}`,
      okText: t('followUps.list.markWell'),
      cancelText: t('common.cancel'),
      afterClose: () => {
        confirming.current = false;
      },
      onOk: () =>
        bulkWell.mutateAsync({ day: worklist.day, personIds: selected, method: 'wechat', studiedOnline: study === 'unknown' ? null : study }).then(
          (result) => {
            void message.success(
              result.skipped ? t('followUps.list.markedWellSkipped', { recorded: result.recorded, skipped: result.skipped }) : t('followUps.list.markedWell', { recorded: result.recorded }),
            );
            onDone();
          },
          (error: unknown) => {
            void message.error(error instanceof Error ? error.message : String(error));
          },
        ),
    });
  };

  return (
    <section className="section bulk-well" aria-label={t('followUps.list.select')}>
      <Typography.Paragraph>{t('followUps.list.selectHint')}</Typography.Paragraph>
      <Flex wrap gap={8} className="section">
        <Button onClick={() => setSelected(pending.map((item) => item.personId))}>{t('followUps.list.selectAll', { count: pending.length })}</Button>
        <Button onClick={() => setSelected([])} disabled={!selected.length}>
          {t('followUps.list.clearSelection')}
        </Button>
      </Flex>
      <Checkbox.Group value={selected} onChange={(values) => setSelected(values)} className="bulk-list">
        <ul className="worklist">
          {pending.map((item) => (
            <li key={item.personId} className="worklist-row status-pending">
              <Checkbox value={item.personId} className="bulk-check">
                <span className="worklist-name">{item.name}</span>
                {item.studentNumber ? <span className="worklist-number">{item.studentNumber}</span> : null}
              </Checkbox>
            </li>
          ))}
        </ul>
      </Checkbox.Group>
      <fieldset className="section bulk-study">
        <legend>{t('followUps.bulkStudy.label')}</legend>
        <ChoiceButtons
          value={study}
          onChange={(event) => setStudy(event.target.value as typeof study)}
          options={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`followUps.bulkStudy.${value}`) }))}
        />
      </fieldset>
      <div className="bulk-bar">
        <Typography.Text strong aria-live="polite">
          {t('followUps.list.selected', { count: selected.length })}
        </Typography.Text>
        <Flex gap={8}>
          <Button onClick={onDone}>{t('followUps.list.exitSelect')}</Button>
          <Button type="primary" disabled={!selected.length || bulkWell.isPending} loading={bulkWell.isPending} onClick={submit}>
            {t('followUps.list.markWell')}
          </Button>
        </Flex>
      </div>
    </section>
  );
}
