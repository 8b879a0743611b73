import type { RoleValue } from '@tannha/shared';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';

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

/** A page loaded on demand at `path`. */
function lazyPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: page(load) };
}

/** A page loaded on demand as its parent's index (the area's home). */
function indexPage(load: () => Promise<ComponentType>): RouteObject {
  return { index: true, lazy: page(load) };
}

/** A role's area under `path`: its pages open only to that role, inside the role's frame. */
function roleArea(path: string, role: RoleValue, children: RouteObject[]): RouteObject {
  return { path, element: <RoleArea role={role} />, children };
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
      lazyPage('tra-cuu/:code?', async () => (await import('./routes/tracking.page')).TrackingPage),
      lazyPage('bien-lai/:id', async () => (await import('./routes/receipt.page')).ReceiptPage),
      roleArea('operator', 'operator', [
        indexPage(async () => (await import('./routes/operator-home.page')).OperatorHomePage),
      ]),
      roleArea('dispatch', 'dispatcher', [
        indexPage(async () => (await import('./routes/dispatch.page')).DispatchPage),
        lazyPage('plan', async () => (await import('./routes/dispatch-plan.page')).PlanPage),
      ]),
      roleArea('courier', 'courier', [
        indexPage(async () => (await import('./routes/courier-home.page')).CourierHomePage),
        lazyPage(
          'account',
          async () => (await import('./routes/courier-account.page')).CourierAccountPage,
        ),
        lazyPage(
          'password',
          async () => (await import('./routes/change-password.page')).CourierChangePasswordPage,
        ),
        lazyPage(
          'jobs/:id',
          async () => (await import('./routes/courier-job.page')).CourierJobPage,
        ),
        lazyPage(
          'handover',
          async () =>
            (await import('@/features/courier/components/agency-handover-screen'))
              .AgencyHandoverScreen,
        ),
        lazyPage(
          'handover/:id',
          async () =>
            (await import('./routes/courier-agency-handover-record.page'))
              .CourierAgencyHandoverRecordPage,
        ),
        lazyPage(
          'counter-pickup',
          async () =>
            (await import('@/features/courier/components/counter-pickup-screen'))
              .CounterPickupScreen,
        ),
        lazyPage(
          'counter-pickup/:id',
          async () =>
            (await import('./routes/courier-counter-pickup-record.page'))
              .CourierCounterPickupRecordPage,
        ),
      ]),
      roleArea('manager', 'manager', [
        indexPage(async () => (await import('./routes/manager-home.page')).ManagerHomePage),
      ]),
      roleArea('admin', 'admin', [
        indexPage(
          async () => (await import('@/features/admin/components/admin-screen')).AdminScreen,
        ),
      ]),
      {
        path: 'outbox',
        element: <RequireStaff>{(me) => <StaffLayout me={me} />}</RequireStaff>,
        children: [indexPage(async () => (await import('./routes/sms-outbox.page')).SmsOutboxPage)],
      },
      {
        // Every desk role's own password; couriers have theirs at /courier/password.
        path: 'account/password',
        element: <RequireStaff>{(me) => <StaffLayout me={me} />}</RequireStaff>,
        children: [
          indexPage(async () => (await import('./routes/change-password.page')).ChangePasswordPage),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
