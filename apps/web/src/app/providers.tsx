import { useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { useLanguage } from '@/lib/language';
import { useIsPhone, usePrefersReducedMotion } from '@/lib/use-is-phone';
import { createQueryClient } from './query-client';
import { appTheme } from './theme';

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
 * Query client, antd locale + theme following the UI language and the screen.
 * antd's <App> (message / modal context) is in the shell, which the login page does not load.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const language = useLanguage();
  const isPhone = useIsPhone();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => appTheme(isPhone, reducedMotion), [isPhone, reducedMotion]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={theme}
        // "删除", not "删 除": the labels read (and are found) as written.
        button={{ autoInsertSpace: false }}
        form={{ requiredMark }}
      >
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
