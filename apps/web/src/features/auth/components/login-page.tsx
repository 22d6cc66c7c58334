import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoginInput } from '@campus/shared';
import { Banner, Button, TextField } from '@/components/phone';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { isApiRequestError } from '@/lib/api-client';
import { validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { storedOutbox } from '@/lib/offline/outbox';
import { usePageTitle } from '@/lib/use-page-title';
import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';

/** Only same-app paths: `?next=//evil.example` must not leave the site. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

/** Unsent entries a previous sign-in left on this phone (the same user's are sent after signing in; anyone else's are erased). */
function useWaitingOnPhone(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void storedOutbox().then((stored) => {
      if (live) setCount(stored?.count ?? 0);
    });
    return () => {
      live = false;
    };
  }, []);
  return count;
}

/**
 * The sign-in page, in plain elements: the first page a phone loads carries
 * no component library (ADR 0006), and its look is the antd screens' (same colours, type, sizes).
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const me = useMe();
  const loginMutation = useLogin();
  const waiting = useWaitingOnPhone();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldMessages>({});
  const [alert, setAlert] = useState<string>();
  const submitting = useRef(false);
  usePageTitle(t('auth.login.title'));

  const next = safeNextPath(searchParams.get('next'));
  if (me.data) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    // One sign-in at a time: a second submit while one is in flight (a double tap, Enter plus click) would race it.
    if (submitting.current) return;
    submitting.current = true;
    try {
      await submitOnce();
    } finally {
      submitting.current = false;
    }
  }

  async function submitOnce() {
    setAlert(undefined);
    setFields({});
    const checked = validate(LoginInput, { username, password }, language);
    if (!checked.ok) {
      const { username: usernameError, password: passwordError, ...rest } = checked.fields;
      setFields({ ...(usernameError ? { username: usernameError } : {}), ...(passwordError ? { password: passwordError } : {}) });
      const others = Object.values(rest);
      if (others.length) setAlert(others.join(' '));
      return;
    }
    try {
      await loginMutation.mutateAsync(checked.data);
      void navigate(next, { replace: true });
    } catch (error) {
      if (isApiRequestError(error) && error.fields && Object.keys(error.fields).length) {
        setFields(error.fields);
        const others = Object.entries(error.fields).filter(([name]) => name !== 'username' && name !== 'password');
        setAlert(others.length ? [error.message, ...others.map(([, message]) => message)].join(' ') : undefined);
      } else {
        setAlert(error instanceof Error ? error.message : String(error));
      }
      setPassword('');
    }
  }

  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <LanguageSwitch />
      </div>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <div className="auth-brand">
            <img src="/favicon.svg" alt="" width={56} height={56} />
            <h1 className="auth-title">{t('app.name')}</h1>
            {language === 'en' ? (
              <span lang="zh-CN" className="auth-subtitle">
                校园防控通
              </span>
            ) : null}
            <p className="auth-tagline">{t('app.tagline')}</p>
          </div>
          <h2 className="auth-heading">{t('auth.login.title')}</h2>
          {alert ? <Banner tone="error" role="alert" title={alert} className="form-alert" /> : null}
          {signedOut && !alert ? <Banner tone="success" role="status" title={t('auth.signedOut')} className="form-alert" /> : null}
          {waiting ? <Banner tone="warning" role="status" title={t('auth.waitingOnPhone', { count: waiting })} className="form-alert" /> : null}
          <form name="login" noValidate onSubmit={(event) => void submit(event)}>
            <TextField
              name="username"
              label={t('auth.login.username')}
              value={username}
              onChange={(value) => {
                setUsername(value);
                if (fields.username) setFields(({ username: _gone, ...rest }) => rest);
              }}
              error={fields.username}
              autoComplete="username"
            />
            <TextField
              name="password"
              type="password"
              label={t('auth.login.password')}
              value={password}
              onChange={(value) => {
                setPassword(value);
                if (fields.password) setFields(({ password: _gone, ...rest }) => rest);
              }}
              error={fields.password}
              autoComplete="current-password"
            />
            <Button type="submit" variant="primary" block busy={loginMutation.isPending}>
              {t('auth.login.submit')}
            </Button>
          </form>
        </div>
      </main>
    </div>
  );
}
