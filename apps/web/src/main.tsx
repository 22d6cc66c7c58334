import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { IsoDay } from '@campus/shared';
import { i18nReady } from '@/i18n';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { AppRoutes, preloadRoute } from '@/app/router';
import { authKeys, getMe } from '@/features/auth';
import { prefetchWorklist } from '@/features/follow-ups';
import { Toaster } from '@/components/phone';
import { UpdateNotice } from '@/components/update-notice';
import { LeaveGuardProvider } from '@/lib/leave-guard';
import './styles.css';

// Who is signed in, the class's list and the code of the page asked for are fetched at once, in parallel with
// the start-up; the data first (index.html preloads both: these fetches take those answers), then the code.
const queryClient = createQueryClient();
void queryClient.prefetchQuery({ queryKey: authKeys.me(), queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });
prefetchRouteData(queryClient, window.location);
preloadRoute(window.location.pathname);

/** A class's list (or one of its records) asked for at start: its list is fetched beside the session. */
function prefetchRouteData(client: typeof queryClient, { pathname, search }: Location) {
  const classId = /^\/follow-ups\/class\/([0-9a-f-]{36})(\/|$)/.exec(pathname)?.[1];
  if (!classId) return;
  const day = new URLSearchParams(search).get('day');
  void prefetchWorklist(client, { classId, day: day && IsoDay.safeParse(day).success ? day : undefined });
}

// Rendered once the remembered language's strings are there (English is fetched on demand).
void i18nReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        {/* No transitions: a tap on a link whose code is still loading shows the spinner at once, instead of
            leaving the old page on screen with nothing happening (on a slow phone, the teacher taps again). */}
        <BrowserRouter useTransitions={false}>
          <LeaveGuardProvider>
            <AppRoutes />
          </LeaveGuardProvider>
        </BrowserRouter>
        {/* The phone pages' messages (both shells show them) and the notice of a new version of the app. */}
        <Toaster />
        <UpdateNotice />
      </AppProviders>
    </StrictMode>,
  );
});
