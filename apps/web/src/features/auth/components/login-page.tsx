import { LoadingOutlined } from '@ant-design/icons';
import { useState, useRef } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoginInput } from '@campus/shared';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { usePageTitle } from '@/lib/use-page-title';
import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';

/** Only same-app paths: `?next=//evil.example` must not leave the site. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

interface LoginValues {
  username?: string;
  password?: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<LoginValues>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const me = useMe();
  const loginMutation = useLogin();
  const [alert, setAlert] = useState<string>();
  const submitting = useRef(false);
  usePageTitle(t('auth.login.title'));

  const next = safeNextPath(searchParams.get('next'));
  if (me.data) return <Navigate to={next} replace />;

  async function submit(values: LoginValues) {
    // One sign-in at a time: a second submit while one is in flight (a double
    // tap, Enter plus click) would race it and leave the button spinning.
    if (submitting.current) return;
    submitting.current = true;
    try {
      await submitOnce(values);
    } finally {
      submitting.current = false;
    }
  }

  async function submitOnce(values: LoginValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const checked = validate(LoginInput, { username: values.username ?? '', password: values.password ?? '' }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      await loginMutation.mutateAsync(checked.data);
      void navigate(next, { replace: true });
    } catch (error) {
      setAlert(applyApiError(form, error));
      form.setFieldValue('password', '');
    }
  }

  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <LanguageSwitch />
      </div>
      <main id="main" className="auth-main">
        {/* Plain elements instead of antd Card / Typography: the first page a phone loads stays small. */}
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
          {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
          {signedOut && !alert ? <Alert type="success" showIcon title={t('auth.signedOut')} role="status" className="form-alert" /> : null}
          <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name="login" layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item label={t('auth.login.username')} name="username">
              <Input autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
            </Form.Item>
            <Form.Item label={t('auth.login.password')} name="password">
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {/* Our own spinner rather than antd's `loading`: after a fast failed attempt antd's
                delayed loading state was seen to stay on, leaving the button dead (e2e/language.spec.ts). */}
            <Button type="primary" htmlType="submit" block disabled={loginMutation.isPending} icon={loginMutation.isPending ? <LoadingOutlined /> : undefined} aria-busy={loginMutation.isPending}>
              {t('auth.login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
