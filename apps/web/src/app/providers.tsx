import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';

/**
 * The query client for the whole app (made in main.tsx, which starts asking who is signed in at once). antd's locale, theme and App are in
 * the antd shell (shell/antd-config.tsx): the sign-in page and the class
 * teacher's phone shell load no component library (ADR 0006).
 */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
