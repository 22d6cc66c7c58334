import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { Button, Dialog } from '@/components/phone';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LoadingState } from '@/components/ui/loading-state';
import { useLogout } from '@/features/auth';
import { useOutbox } from '@/lib/offline/outbox';
import { useSession } from '@/lib/session';
import { OutboxBar, useOutboxSession } from './outbox-bar';
import './phone-shell.css';

/**
 * The class teacher's shell on the phone (issue 16, ADR 0006): plain
 * elements, no menu library — a header with who is signed in, the outbox's
 * "N 条待上传" and sign-out, and the page. It opens the teacher's outbox
 * (sending what waits) and refreshes the phone's copy of their classes.
 */
export default function PhoneShell() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const online = useOutboxSession(me);
  const entries = useOutbox();
  const [confirmSignOut, setConfirmSignOut] = useState(false);

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
      <OutboxBar online={online} />
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
