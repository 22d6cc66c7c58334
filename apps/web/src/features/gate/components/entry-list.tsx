import type { ReactNode } from 'react';
import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GateEntry } from '@campus/shared';
import { formatTime } from '@/lib/format';
import { useSession } from '@/lib/session';

/** Why the gate refused, in words (the question itself for a "yes"). */
export function RefusalTag({ entry }: { entry: Pick<GateEntry, 'refusal' | 'refusalDetail' | 'temperature'> }) {
  const { t } = useTranslation();
  if (!entry.refusal) return null;
  return <Tag className="tag-danger">{t(`gate.refusal.${entry.refusal}`)}</Tag>;
}

/** One line per entry at the gate: who, from where and why, when, the temperature; an action at the end (sign out). */
export function GateEntryList({ entries, empty, action, label }: { entries: GateEntry[]; empty: string; label: string; action?: (entry: GateEntry) => ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="gate-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id} className="gate-entry" data-testid="gate-entry">
          <div className="gate-entry-main">
            <div className="gate-entry-name">
              {entry.name} <RefusalTag entry={entry} />
              {entry.approved ? <Tag className="tag-info">{t('gate.decision.approved')}</Tag> : null}
            </div>
            <div className="gate-entry-meta">
              {entry.kind === 'visitor'
                ? [entry.organisation, entry.reason, entry.visiting ? `→ ${entry.visiting}` : null, entry.phone].filter(Boolean).join(' · ')
                : (entry.classLabel ?? t('gate.form.staff'))}
            </div>
            <div className="gate-entry-meta">
              {t('gate.today.inAt', { time: formatTime(entry.inAt, me.centre.timeZone) })} · {entry.temperature.toFixed(1)}℃
              {entry.outAt ? ` · ${t('gate.today.outAt', { time: formatTime(entry.outAt, me.centre.timeZone) })}` : ''}
            </div>
          </div>
          {action ? action(entry) : null}
        </li>
      ))}
    </ul>
  );
}
