import { useEffect, useMemo, type ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLanguage } from '@/lib/language';
import { useIsPhone, usePrefersReducedMotion } from '@/lib/use-is-phone';
import { appTheme } from '../theme';

/**
 * antd draws the required star with CSS `content`, which screen readers read
 * as part of the field's name ("* 角色"); this star is hidden from them (the
 * input itself carries aria-required).
 */
function requiredMark(label: ReactNode, { required }: { required: boolean }) {
  return (
    <>
      {required ? (
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      ) : null}
      {label}
    </>
  );
}

/**
 * antd's locale, theme (following the UI language and the screen) and its
 * `App` (messages, dialogs): only the antd screens load this, inside their
 * shell — the class teacher's phone shell and the sign-in page carry no antd
 * (ADR 0006). dayjs is antd's date library and follows the language here.
 */
export function AntdConfig({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const isPhone = useIsPhone();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => appTheme(isPhone, reducedMotion), [isPhone, reducedMotion]);
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [language]);
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={theme}
      // "删除", not "删 除": the labels read (and are found) as written.
      button={{ autoInsertSpace: false }}
      form={{ requiredMark }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
