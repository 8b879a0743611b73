import { Router } from 'express';
import {
  AdminPasswordResetSchema,
  AdminUserCreateSchema,
  AdminUserUpdateSchema,
  IdParamsSchema,
  UserListQuerySchema,
} from '@tannha/shared';
import { adminRoutes } from '../../lib/admin-routes';
import { byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import {
  createUser,
  listAdminUsers,
  listStaff,
  resetUserPassword,
  unlockUserLogin,
  updateUser,
} from './users.service';

/** GET /api/users — staff of the caller's units; /api/admin/users — the admin's accounts screen. */
export function usersRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/users',
    byQuery('users.list', UserListQuerySchema, (auth, query) => listStaff(db, auth, query)),
  );
  adminRoutes(router, db, '/admin/users', {
    list: { can: 'users.admin_list', run: listAdminUsers },
    create: { can: 'users.create', body: AdminUserCreateSchema, run: createUser },
    update: { can: 'users.update', body: AdminUserUpdateSchema, run: updateUser },
  });
  router.post(
    '/admin/users/:id/password',
    endpoint(
      { can: 'users.reset_password', params: IdParamsSchema, body: AdminPasswordResetSchema },
      async ({ auth, params, body, req }) =>
        resetUserPassword(db, auth, params.id, body.password, req.ip),
    ),
  );
  router.post(
    '/admin/users/:id/unlock-login',
    endpoint({ can: 'users.unlock_login', params: IdParamsSchema }, async ({ auth, params, req }) =>
      unlockUserLogin(db, auth, params.id, req.ip),
    ),
  );
  return router;
}
