import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { loadFullCatalogue } from '@/i18n';
import { useSession } from '@/lib/session';
import { RouteErrorBoundary } from './pages/route-error-page';
import { RequireSession } from './require-session';

// Every page is its own chunk: the login route loads only what it needs.
// Two shells, each loaded after sign-in: antd's (menu, drawer, antd's App for messages and dialogs)
// and the class teacher's phone shell on their daily routes, which loads no antd (ADR 0006).
// The antd shell also waits for the rest of the Chinese catalogue (the phone's first load carries only its own strings).
const AppShell = lazy(() => Promise.all([import('./shell/app-shell'), loadFullCatalogue()]).then(([shell]) => shell));
const loadPhoneShell = () => import('./shell/phone-shell');
const loadPhoneHome = () => import('./pages/phone-home-page');
const loadLogin = () => import('@/features/auth/components/login-page');
const loadWorklist = () => import('@/features/follow-ups/components/worklist-page');
const loadRecord = () => import('@/features/follow-ups/components/record-page');
const loadCheckIns = () => import('@/features/quarantine/components/check-ins-today-page');
const PhoneShell = lazy(loadPhoneShell);
const PhoneHomePage = lazy(loadPhoneHome);
const LoginPage = lazy(loadLogin);
const ChangePasswordPage = lazy(() => import('@/features/auth/components/change-password-page'));
const HomePage = lazy(() => import('./pages/home-page'));
const SchoolsPage = lazy(() => import('@/features/schools/components/schools-page'));
const SchoolPage = lazy(() => import('./pages/school-page'));
const ClassesPage = lazy(() => import('@/features/classes/components/classes-page'));
const ClassDetailPage = lazy(() => import('@/features/classes/components/class-detail-page'));
const AccountsPage = lazy(() => import('@/features/accounts/components/accounts-page'));
const SettingsPage = lazy(() => import('@/features/settings/components/settings-page'));
const AuditLogPage = lazy(() => import('@/features/audit/components/audit-page'));
const PeoplePage = lazy(() => import('@/features/people/components/people-page'));
const PeopleOverviewPage = lazy(() => import('@/features/people/components/people-overview-page'));
const PersonDetailPage = lazy(() => import('@/features/people/components/person-detail-page'));
const ImportPage = lazy(() => import('@/features/people/components/import-page'));
const FollowUpsHomePage = lazy(() => import('@/features/follow-ups/components/follow-ups-home-page'));
const WorklistPage = lazy(loadWorklist);
const RecordPage = lazy(loadRecord);
const GridPage = lazy(() => import('@/features/daily-reports/components/grid-page'));
const SchoolDayPage = lazy(() => import('@/features/daily-reports/components/school-day-page'));
const SupplyMatrixPage = lazy(() => import('@/features/supplies/components/matrix-page'));
const SupplyStorePage = lazy(() => import('@/features/supplies/components/store-page'));
const SupplyRequestsPage = lazy(() => import('@/features/supplies/components/requests-page'));
const SupplyTransfersPage = lazy(() => import('@/features/supplies/components/transfers-page'));
const SupplyCataloguePage = lazy(() => import('@/features/supplies/components/catalogue-page'));
const SchoolStockPage = lazy(() => import('@/features/supplies/components/school-stock-page'));
const CasesPage = lazy(() => import('@/features/quarantine/components/cases-page'));
const CheckInsTodayPage = lazy(loadCheckIns);
const CaseFilePage = lazy(() => import('@/features/quarantine/components/case-file-page'));
const DutyDayPage = lazy(() => import('@/features/duty/components/duty-day-page'));
const DutyRosterPage = lazy(() => import('@/features/duty/components/duty-roster-page'));
const DutyGridPage = lazy(() => import('@/features/duty/components/duty-grid-page'));
const GatePage = lazy(() => import('@/features/gate/components/gate-page'));
const GateBookPage = lazy(() => import('@/features/gate/components/gate-book-page'));
const GateCountsPage = lazy(() => import('@/features/gate/components/gate-counts-page'));
const DisinfectionDayPage = lazy(() => import('@/features/disinfection/components/disinfection-day-page'));
const DisinfectionPlanPage = lazy(() => import('@/features/disinfection/components/disinfection-plan-page'));
const DisinfectionGridPage = lazy(() => import('@/features/disinfection/components/disinfection-grid-page'));
const SchoolStudyPage = lazy(() => import('@/features/learning/components/school-study-page'));
const TownshipStudyPage = lazy(() => import('@/features/learning/components/township-study-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));

/** The class teacher's daily routes, drawn by the phone shell (plain elements): home, the class list, a call. */
const PHONE_ROUTES = [/^\/$/, /^\/follow-ups\/?$/, /^\/follow-ups\/class\/[^/]+(\/[^/]+)?\/?$/, /^\/cases\/today\/?$/];

/**
 * Starts fetching the code a phone route will need while the session is still being asked for (one round
 * trip less on a slow connection); the lazy pages then find it loaded. A guess by address: who is signed
 * in is not known yet, and for anyone else it costs a few kilobytes.
 */
export function preloadRoute(pathname: string): void {
  const loads: (() => Promise<unknown>)[] = [];
  if (/^\/login\/?$/.test(pathname)) loads.push(loadLogin);
  else if (PHONE_ROUTES.some((pattern) => pattern.test(pathname))) {
    loads.push(loadPhoneShell);
    if (/^\/follow-ups\/class\/[^/]+\/[^/]+/.test(pathname)) loads.push(loadRecord);
    else if (/^\/follow-ups\/class\//.test(pathname)) loads.push(loadWorklist);
    else if (/^\/cases\/today/.test(pathname)) loads.push(loadCheckIns);
    else loads.push(loadPhoneHome);
  }
  for (const load of loads) void load().catch(() => undefined);
}

export function isPhoneRoute(role: string, pathname: string): boolean {
  return role === 'class_teacher' && PHONE_ROUTES.some((pattern) => pattern.test(pathname));
}

function ShellFor() {
  const me = useSession();
  const { pathname } = useLocation();
  const phone = !me.user.mustChangePassword && isPhoneRoute(me.user.role, pathname);
  return <Suspense fallback={<LoadingState fullScreen />}>{phone ? <PhoneShell /> : <AppShell />}</Suspense>;
}

/** The class teacher's home is the phone's (their classes and today's calls); everyone else's is the antd one. */
function HomeFor({ phone, other }: { phone: LazyExoticComponent<ComponentType>; other: LazyExoticComponent<ComponentType> }) {
  const me = useSession();
  return page(me.user.role === 'class_teacher' ? phone : other);
}

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<LoadingState />}>
      <Component />
    </Suspense>
  );
}

/**
 * The app's routes, declared as elements (react-router's declarative mode: ~19 KB gzip less than its data
 * router on the phone's first load, ADR 0006). A route that fails to render or to load its code shows
 * RouteErrorPage (RouteErrorBoundary); a form with unsaved changes asks before leaving (lib/leave-guard.tsx).
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Routes>
        <Route path="/login" element={page(LoginPage)} />
        <Route element={<RequireSession />}>
          <Route element={<ShellFor />}>
            <Route index element={<HomeFor phone={PhoneHomePage} other={HomePage} />} />
            <Route path="change-password" element={page(ChangePasswordPage)} />
            <Route path="schools" element={page(SchoolsPage)} />
            <Route path="schools/:schoolId" element={page(SchoolPage)} />
            <Route path="classes" element={page(ClassesPage)} />
            <Route path="classes/:classId" element={page(ClassDetailPage)} />
            <Route path="people" element={page(PeoplePage)} />
            <Route path="people/overview" element={page(PeopleOverviewPage)} />
            <Route path="people/import" element={page(ImportPage)} />
            <Route path="people/:personId" element={page(PersonDetailPage)} />
            <Route path="follow-ups" element={<HomeFor phone={PhoneHomePage} other={FollowUpsHomePage} />} />
            <Route path="follow-ups/class/:classId" element={page(WorklistPage)} />
            <Route path="follow-ups/class/:classId/:personId" element={page(RecordPage)} />
            <Route path="follow-ups/staff/:schoolId" element={page(WorklistPage)} />
            <Route path="follow-ups/staff/:schoolId/:personId" element={page(RecordPage)} />
            <Route path="daily-reports" element={page(GridPage)} />
            <Route path="daily-reports/schools/:schoolId" element={page(SchoolDayPage)} />
            <Route path="supplies" element={page(SupplyMatrixPage)} />
            <Route path="supplies/store" element={page(SupplyStorePage)} />
            <Route path="supplies/requests" element={page(SupplyRequestsPage)} />
            <Route path="supplies/transfers" element={page(SupplyTransfersPage)} />
            <Route path="supplies/catalogue" element={page(SupplyCataloguePage)} />
            <Route path="supplies/schools/:schoolId" element={page(SchoolStockPage)} />
            <Route path="cases" element={page(CasesPage)} />
            <Route path="cases/today" element={page(CheckInsTodayPage)} />
            <Route path="cases/:caseId" element={page(CaseFilePage)} />
            <Route path="duty" element={page(DutyDayPage)} />
            <Route path="duty/roster" element={page(DutyRosterPage)} />
            <Route path="duty/grid" element={page(DutyGridPage)} />
            <Route path="duty/schools/:schoolId" element={page(DutyDayPage)} />
            <Route path="disinfection" element={page(DisinfectionDayPage)} />
            <Route path="disinfection/plan" element={page(DisinfectionPlanPage)} />
            <Route path="disinfection/grid" element={page(DisinfectionGridPage)} />
            <Route path="disinfection/schools/:schoolId" element={page(DisinfectionDayPage)} />
            <Route path="disinfection/schools/:schoolId/plan" element={page(DisinfectionPlanPage)} />
            <Route path="learning" element={page(SchoolStudyPage)} />
            <Route path="learning/township" element={page(TownshipStudyPage)} />
            <Route path="learning/schools/:schoolId" element={page(SchoolStudyPage)} />
            <Route path="gate" element={page(GatePage)} />
            <Route path="gate/book" element={page(GateBookPage)} />
            <Route path="gate/counts" element={page(GateCountsPage)} />
            <Route path="gate/schools/:schoolId/book" element={page(GateBookPage)} />
            <Route path="gate/:mode" element={page(GatePage)} />
            <Route path="accounts" element={page(AccountsPage)} />
            <Route path="settings" element={page(SettingsPage)} />
            <Route path="audit" element={page(AuditLogPage)} />
            <Route path="*" element={page(NotFoundPage)} />
          </Route>
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
