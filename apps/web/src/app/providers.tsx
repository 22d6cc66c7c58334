import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './query-client';

/**
 * The query client for the whole app. antd's locale, theme and App are in
 * the antd shell (shell/antd-config.tsx): the sign-in page and the class
 * teacher's phone shell load no component library (ADR 0006).
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
