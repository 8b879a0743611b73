import type { RoleValue } from '@tannha/shared';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';

import { LoadingState } from '@/components/ui/feedback';

import { RequireRole } from './guards/require-role.guard';
import { RequireStaff } from './guards/require-staff.guard';
import { CourierLayout } from './layouts/courier-layout';
import { StaffLayout } from './layouts/staff-layout';
import { LoginPage } from './routes/login.page';
import { NotFoundPage } from './routes/not-found.page';
import { RootRedirect } from './routes/root-redirect';
import { RouteErrorPage } from './routes/route-error.page';

/**
 * Role pages load on demand: a courier's phone never downloads the map library or the admin
 * screens, and the login page appears without waiting for them.
 */
function page(load: () => Promise<ComponentType>) {
  return async () => ({ Component: await load() });
}

function RoleArea({ role }: { role: RoleValue }) {
  return (
    <RequireRole role={role}>
      {(me) => (role === 'courier' ? <CourierLayout me={me} /> : <StaffLayout me={me} />)}
    </RequireRole>
  );
}

/** The app's routes; `/` picks the logged-in role's home. */
export const router = createBrowserRouter([
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState fullPage />,
    children: [
      { index: true, element: <RootRedirect /> },
      { path: 'login', element: <LoginPage /> },
      // Public tracking (the receipt's QR and the SMS link): no login, outside the role areas.
      {
        path: 'tra-cuu/:code?',
        lazy: page(async () => (await import('./routes/tracking.page')).TrackingPage),
      },
      {
        path: 'bien-lai/:id',
        lazy: page(async () => (await import('./routes/receipt.page')).ReceiptPage),
      },
      {
        path: 'operator',
        element: <RoleArea role="operator" />,
        children: [
          {
            index: true,
            lazy: page(async () => (await import('./routes/operator-home.page')).OperatorHomePage),
          },
        ],
      },
      {
        path: 'dispatch',
        element: <RoleArea role="dispatcher" />,
        children: [
          {
            index: true,
            lazy: page(async () => (await import('./routes/dispatch.page')).DispatchPage),
          },
          {
            path: 'plan',
            lazy: page(async () => (await import('./routes/dispatch-plan.page')).PlanPage),
          },
        ],
      },
      {
        path: 'courier',
        element: <RoleArea role="courier" />,
        children: [
          {
            index: true,
            lazy: page(async () => (await import('./routes/courier-home.page')).CourierHomePage),
          },
          {
            path: 'account',
            lazy: page(
              async () => (await import('./routes/courier-account.page')).CourierAccountPage,
            ),
          },
          {
            path: 'jobs/:id',
            lazy: page(async () => (await import('./routes/courier-job.page')).CourierJobPage),
          },
          {
            path: 'handover',
            lazy: page(
              async () =>
                (await import('@/features/courier/components/agency-handover-screen'))
                  .AgencyHandoverScreen,
            ),
          },
          {
            path: 'handover/:id',
            lazy: page(
              async () =>
                (await import('./routes/courier-agency-handover-record.page'))
                  .CourierAgencyHandoverRecordPage,
            ),
          },
        ],
      },
      {
        path: 'manager',
        element: <RoleArea role="manager" />,
        children: [
          {
            index: true,
            lazy: page(async () => (await import('./routes/manager-home.page')).ManagerHomePage),
          },
        ],
      },
      {
        path: 'admin',
        element: <RoleArea role="admin" />,
        children: [
          {
            index: true,
            lazy: page(
              async () => (await import('@/features/admin/components/admin-screen')).AdminScreen,
            ),
          },
        ],
      },
      {
        path: 'outbox',
        element: <RequireStaff>{(me) => <StaffLayout me={me} />}</RequireStaff>,
        children: [
          {
            index: true,
            lazy: page(async () => (await import('./routes/sms-outbox.page')).SmsOutboxPage),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
