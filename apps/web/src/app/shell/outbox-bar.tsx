import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@campus/shared';
import { OutboxPanel } from '@/features/follow-ups/components/outbox-panel';
import { flushOutbox, openOutbox, useOutbox, useOutboxSignedOut } from '@/lib/offline/outbox';
import { refreshPhoneCopy } from '@/lib/offline/phone-copy';
import { invalidateDeclared } from '@/lib/query-roots';
import './phone-shell.css';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/**
 * The signed-in user's outbox, in either shell (every save of a day's record
 * goes through it, lib/offline/outbox.ts): opened at sign-in, sending what
 * waits; the class teacher's offline copy fetched once the first screen is up
 * and again after each entry sent; both again when the connection returns.
 */
export function useOutboxSession(me: Me) {
  const queryClient = useQueryClient();
  const online = useOnline();
  useEffect(() => {
    void openOutbox(me.user.id, () => {
      void invalidateDeclared(queryClient, { invalidates: ['follow-ups', 'daily-reports', 'people'] });
      // The list on screen is fetched again and kept in the copy (keepList); the whole copy at most once a minute,
      // not once per entry sent (each download is an audited read of phone numbers).
      void refreshPhoneCopy(me);
    });
    // Not in the first screen's way on a slow connection.
    const later = setTimeout(() => void refreshPhoneCopy(me), 2500);
    return () => clearTimeout(later);
  }, [me, queryClient]);

  // The connection is back (not the first render): send what waits, fetch the copy and the lists again.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!online) return;
    void flushOutbox();
    void refreshPhoneCopy(me);
    void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
  }, [online, me, queryClient]);
  return online;
}

/**
 * Under the header: offline, "N 条待上传 · M 条需要处理" opening each entry's
 * state (a conflict's two versions for the user's decision), and a new sign-in needed.
 */
export function OutboxBar({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const entries = useOutbox();
  const signedOut = useOutboxSignedOut();
  const [open, setOpen] = useState(false);
  const waiting = entries.filter((entry) => entry.state === 'pending' || entry.state === 'sending').length;
  const attention = entries.length - waiting;
  const summary = [waiting ? t('followUps.outbox.waiting', { count: waiting }) : '', attention ? t('followUps.outbox.attention', { count: attention }) : ''].filter(Boolean).join(' · ');
  return (
    <>
      {!online ? (
        <p className="phone-offline" role="status">
          {t('followUps.outbox.offline')}
        </p>
      ) : null}
      {entries.length ? (
        <button type="button" className={attention ? 'outbox-bar outbox-bar-attention' : 'outbox-bar'} aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          <span>{summary}</span>
          <span className="outbox-bar-toggle">{open ? t('followUps.outbox.hide') : t('followUps.outbox.show')}</span>
        </button>
      ) : null}
      {/* Said aloud when it changes (a live region inside the button would drop out of its name). */}
      <p className="visually-hidden" role="status">
        {summary}
      </p>
      {signedOut ? (
        <p className="phone-offline" role="alert">
          {t('followUps.outbox.signInAgain')}
        </p>
      ) : null}
      {open && entries.length ? <OutboxPanel entries={entries} /> : null}
    </>
  );
}
