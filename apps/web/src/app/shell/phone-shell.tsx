import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { Button, Dialog } from '@/components/phone';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LoadingState } from '@/components/ui/loading-state';
import { useLogout } from '@/features/auth';
import { OutboxPanel } from '@/features/follow-ups/components/outbox-panel';
import { flushOutbox, openOutbox, useOutbox, useOutboxSignedOut } from '@/lib/offline/outbox';
import { refreshPhoneCopy } from '@/lib/offline/phone-copy';
import { invalidateDeclared } from '@/lib/query-roots';
import { useSession } from '@/lib/session';
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
 * The class teacher's shell on the phone (issue 16, ADR 0006): plain
 * elements, no menu library — a header with who is signed in, the outbox's
 * "N 条待上传" and sign-out, and the page. It opens the teacher's outbox
 * (sending what waits) and refreshes the phone's copy of their classes.
 */
export default function PhoneShell() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const online = useOnline();
  const entries = useOutbox();
  const signedOut = useOutboxSignedOut();
  const [outboxOpen, setOutboxOpen] = useState(false);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const waiting = entries.filter((entry) => entry.state === 'pending' || entry.state === 'sending').length;
  const attention = entries.length - waiting;
  const outboxSummary = [waiting ? t('followUps.outbox.waiting', { count: waiting }) : '', attention ? t('followUps.outbox.attention', { count: attention }) : ''].filter(Boolean).join(' · ');

  useEffect(() => {
    void openOutbox(me.user.id, () => {
      void invalidateDeclared(queryClient, { invalidates: ['follow-ups', 'daily-reports', 'people'] });
      void refreshPhoneCopy(me, true);
    });
    void refreshPhoneCopy(me);
  }, [me, queryClient]);

  useEffect(() => {
    if (!online) return;
    void flushOutbox();
    void refreshPhoneCopy(me);
    void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
  }, [online, me, queryClient]);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate('/login', { replace: true, state: { signedOut: true } }),
    });

  return (
    <div className="phone-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="phone-header">
        <Link to="/" className="phone-header-title">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        <span className="phone-header-user">
          {me.user.displayName}
          {me.school ? ` · ${me.school.name}` : ''}
        </span>
        <div className="phone-header-actions">
          <LanguageSwitch />
          <Button onClick={() => (entries.length ? setConfirmSignOut(true) : signOut())} busy={logout.isPending}>
            {t('nav.signOut')}
          </Button>
        </div>
      </header>
      {!online ? (
        <p className="phone-offline" role="status">
          {t('followUps.outbox.offline')}
        </p>
      ) : null}
      {entries.length ? (
        <>
          <button type="button" className={attention ? 'outbox-bar outbox-bar-attention' : 'outbox-bar'} aria-expanded={outboxOpen} onClick={() => setOutboxOpen((open) => !open)}>
            <span>{outboxSummary}</span>
            <span className="outbox-bar-toggle">{outboxOpen ? t('followUps.outbox.hide') : t('followUps.outbox.show')}</span>
          </button>
        </>
      ) : null}
      {/* Said aloud when it changes (a live region inside the button would drop out of its name). */}
      <p className="phone-visually-hidden" role="status">
        {outboxSummary}
      </p>
      {signedOut ? (
        <p className="phone-offline" role="alert">
          {t('followUps.outbox.signInAgain')}
        </p>
      ) : null}
      {outboxOpen && entries.length ? <OutboxPanel entries={entries} /> : null}
      <main id="main" tabIndex={-1} className="phone-main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <Dialog
        open={confirmSignOut}
        title={t('followUps.outbox.signOutTitle')}
        confirmLabel={t('followUps.outbox.signOutAnyway')}
        cancelLabel={t('common.cancel')}
        danger
        busy={logout.isPending}
        onConfirm={signOut}
        onCancel={() => setConfirmSignOut(false)}
      >
        {t('followUps.outbox.signOutText', { count: entries.length })}
      </Dialog>
    </div>
  );
}
