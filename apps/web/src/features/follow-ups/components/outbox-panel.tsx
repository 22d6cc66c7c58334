import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp, FollowUpInput } from '@campus/shared';
import { Button, Dialog, StatusBadge } from '@/components/phone';
import { resolveEntry, type OutboxEntry } from '@/lib/offline/outbox';
import { formatTime } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useFollowUpSummary } from './use-follow-up-summary';
import './follow-ups.css';

type Summarised = Parameters<ReturnType<typeof useFollowUpSummary>>[0];

/** A queued call's input read as a record, to summarise it as the list does. */
function asRecord(input: FollowUpInput): Summarised {
  return {
    method: input.method,
    reached: input.reached,
    unreachableCode: input.unreachableCode ?? null,
    unreachableReason: input.unreachableReason ?? null,
    temperature: input.temperature ?? null,
    symptoms: input.symptoms ?? [],
    isException: false,
    studiedOnline: input.studiedOnline ?? null,
    studyMode: input.studyMode ?? null,
    notStudyingReason: input.notStudyingReason ?? null,
  };
}

function Versions({ mine, theirs }: { mine: FollowUpInput; theirs: FollowUp | null | undefined }) {
  const { t } = useTranslation();
  const me = useSession();
  const summary = useFollowUpSummary();
  return (
    <div className="outbox-versions">
      <section aria-label={t('followUps.outbox.mine')}>
        <h3>{t('followUps.outbox.mine')}</h3>
        <p>{summary(asRecord(mine))}</p>
        {mine.note ? <p>{mine.note}</p> : null}
      </section>
      <section aria-label={t('followUps.outbox.theirs')}>
        <h3>{t('followUps.outbox.theirs')}</h3>
        {theirs ? (
          <>
            <p>{summary(theirs)}</p>
            {theirs.note ? <p>{theirs.note}</p> : null}
            <p className="outbox-muted">{t('followUps.list.recordedBy', { name: theirs.recordedByName, time: formatTime(theirs.updatedAt, me.centre.timeZone) })}</p>
          </>
        ) : (
          <p>{t('followUps.outbox.theirsGone')}</p>
        )}
      </section>
    </div>
  );
}

function Entry({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const stateLabel = t(`followUps.outbox.state.${entry.state}`);
  const tone = entry.state === 'conflict' || entry.state === 'failed' ? 'error' : entry.state === 'sending' ? 'info' : 'warning';
  return (
    <li className={`outbox-entry outbox-entry-${entry.state}`}>
      <div className="outbox-entry-head">
        <strong>{entry.label}</strong>
        <span className="outbox-muted">
          {t(`followUps.outbox.kind.${entry.kind}`)} · {entry.day}
        </span>
        <StatusBadge tone={tone}>{stateLabel}</StatusBadge>
      </div>
      {entry.state === 'conflict' ? (
        <>
          <p>{t('followUps.outbox.conflictText')}</p>
          <Versions mine={entry.input as FollowUpInput} theirs={entry.theirs} />
        </>
      ) : entry.state === 'failed' ? (
        <p role="alert">{entry.error}</p>
      ) : null}
      {entry.state === 'conflict' || entry.state === 'failed' ? (
        <div className="outbox-actions">
          <Button variant="primary" onClick={() => void resolveEntry(entry.key, 'mine')}>
            {entry.state === 'conflict' ? t('followUps.outbox.keepMine') : t('followUps.outbox.retry')}
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {entry.state === 'conflict' ? t('followUps.outbox.keepTheirs') : t('followUps.outbox.discard')}
          </Button>
        </div>
      ) : null}
      <Dialog
        open={confirming}
        title={t('followUps.outbox.discardTitle')}
        confirmLabel={entry.state === 'conflict' ? t('followUps.outbox.keepTheirs') : t('followUps.outbox.discard')}
        cancelLabel={t('common.cancel')}
        danger
        onConfirm={() => {
          setConfirming(false);
          void resolveEntry(entry.key, 'discard');
        }}
        onCancel={() => setConfirming(false)}
      >
        {t('followUps.outbox.discardText', { label: entry.label })}
      </Dialog>
    </li>
  );
}

/** What the phone still holds: each entry's state, and for those the server could not apply, the teacher's decision. */
export function OutboxPanel({ entries }: { entries: OutboxEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="outbox-panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title" className="outbox-title">
        {t('followUps.outbox.title')}
      </h2>
      <p className="outbox-muted">{t('followUps.outbox.intro')}</p>
      <ul className="outbox-list">
        {entries.map((entry) => (
          <Entry key={entry.key} entry={entry} />
        ))}
      </ul>
    </section>
  );
}
