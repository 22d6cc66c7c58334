import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import RouteErrorPage from './pages/route-error-page';
import { RequireSession } from './require-session';

// Every page is its own chunk: the login route loads only what it needs.
// The shell (menu, drawer, antd's App for messages and dialogs) only loads after sign-in.
const AppShell = lazy(() => import('./shell/app-shell'));
const LoginPage = lazy(() => import('@/features/auth/components/login-page'));
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
const WorklistPage = lazy(() => import('@/features/follow-ups/components/worklist-page'));
const RecordPage = lazy(() => import('@/features/follow-ups/components/record-page'));
const GridPage = lazy(() => import('@/features/daily-reports/components/grid-page'));
const SchoolDayPage = lazy(() => import('@/features/daily-reports/components/school-day-page'));
const SupplyMatrixPage = lazy(() => import('@/features/supplies/components/matrix-page'));
const SupplyStorePage = lazy(() => import('@/features/supplies/components/store-page'));
const SupplyRequestsPage = lazy(() => import('@/features/supplies/components/requests-page'));
const SupplyTransfersPage = lazy(() => import('@/features/supplies/components/transfers-page'));
const SupplyCataloguePage = lazy(() => import('@/features/supplies/components/catalogue-page'));
const SchoolStockPage = lazy(() => import('@/features/supplies/components/school-stock-page'));
const CasesPage = lazy(() => import('@/features/quarantine/components/cases-page'));
const CheckInsTodayPage = lazy(() => import('@/features/quarantine/components/check-ins-today-page'));
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
const NotFoundPage = lazy(() => import('./pages/not-found-page'));

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<LoadingState />}>
      <Component />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage), errorElement: <RouteErrorPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: (
          <Suspense fallback={<LoadingState fullScreen />}>
            <AppShell />
          </Suspense>
        ),
        children: [
          { index: true, element: page(HomePage) },
          { path: 'change-password', element: page(ChangePasswordPage) },
          { path: 'schools', element: page(SchoolsPage) },
          { path: 'schools/:schoolId', element: page(SchoolPage) },
          { path: 'classes', element: page(ClassesPage) },
          { path: 'classes/:classId', element: page(ClassDetailPage) },
          { path: 'people', element: page(PeoplePage) },
          { path: 'people/overview', element: page(PeopleOverviewPage) },
          { path: 'people/import', element: page(ImportPage) },
          { path: 'people/:personId', element: page(PersonDetailPage) },
          { path: 'follow-ups', element: page(FollowUpsHomePage) },
          { path: 'follow-ups/class/:classId', element: page(WorklistPage) },
          { path: 'follow-ups/class/:classId/:personId', element: page(RecordPage) },
          { path: 'follow-ups/staff/:schoolId', element: page(WorklistPage) },
          { path: 'follow-ups/staff/:schoolId/:personId', element: page(RecordPage) },
          { path: 'daily-reports', element: page(GridPage) },
          { path: 'daily-reports/schools/:schoolId', element: page(SchoolDayPage) },
          { path: 'supplies', element: page(SupplyMatrixPage) },
          { path: 'supplies/store', element: page(SupplyStorePage) },
          { path: 'supplies/requests', element: page(SupplyRequestsPage) },
          { path: 'supplies/transfers', element: page(SupplyTransfersPage) },
          { path: 'supplies/catalogue', element: page(SupplyCataloguePage) },
          { path: 'supplies/schools/:schoolId', element: page(SchoolStockPage) },
          { path: 'cases', element: page(CasesPage) },
          { path: 'cases/today', element: page(CheckInsTodayPage) },
          { path: 'cases/:caseId', element: page(CaseFilePage) },
          { path: 'duty', element: page(DutyDayPage) },
          { path: 'duty/roster', element: page(DutyRosterPage) },
          { path: 'duty/grid', element: page(DutyGridPage) },
          { path: 'duty/schools/:schoolId', element: page(DutyDayPage) },
          { path: 'disinfection', element: page(DisinfectionDayPage) },
          { path: 'disinfection/plan', element: page(DisinfectionPlanPage) },
          { path: 'disinfection/grid', element: page(DisinfectionGridPage) },
          { path: 'disinfection/schools/:schoolId', element: page(DisinfectionDayPage) },
          { path: 'disinfection/schools/:schoolId/plan', element: page(DisinfectionPlanPage) },
          { path: 'gate', element: page(GatePage) },
          { path: 'gate/book', element: page(GateBookPage) },
          { path: 'gate/counts', element: page(GateCountsPage) },
          { path: 'gate/schools/:schoolId/book', element: page(GateBookPage) },
          { path: 'gate/:mode', element: page(GatePage) },
          { path: 'accounts', element: page(AccountsPage) },
          { path: 'settings', element: page(SettingsPage) },
          { path: 'audit', element: page(AuditLogPage) },
          { path: '*', element: page(NotFoundPage) },
        ],
      },
    ],
  },
]);
