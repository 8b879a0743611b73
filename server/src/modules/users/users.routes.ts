import { Router } from 'express';
import { z } from 'zod';
import {
  AdminPasswordResetSchema,
  AdminUserCreateSchema,
  AdminUserUpdateSchema,
  UserListQuerySchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import {
  createUser,
  listAdminUsers,
  listStaff,
  resetUserPassword,
  updateUser,
} from './users.service';

const IdParams = z.object({ id: z.uuid() });

/** GET /api/users — staff of the caller's units; /api/admin/users — the admin's accounts screen. */
export function usersRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/users',
    endpoint({ can: 'users.list', query: UserListQuerySchema }, async ({ auth, query }) =>
      listStaff(db, auth, query),
    ),
  );
  router.get(
    '/admin/users',
    endpoint({ can: 'users.admin_list' }, async ({ auth }) => listAdminUsers(db, auth)),
  );
  router.post(
    '/admin/users',
    endpoint({ can: 'users.create', body: AdminUserCreateSchema }, async ({ auth, body, req }) =>
      withStatus(201, await createUser(db, auth, body, req.ip)),
    ),
  );
  router.patch(
    '/admin/users/:id',
    endpoint(
      { can: 'users.update', params: IdParams, body: AdminUserUpdateSchema },
      async ({ auth, params, body, req }) => updateUser(db, auth, params.id, body, req.ip),
    ),
  );
  router.post(
    '/admin/users/:id/password',
    endpoint(
      { can: 'users.reset_password', params: IdParams, body: AdminPasswordResetSchema },
      async ({ auth, params, body, req }) =>
        resetUserPassword(db, auth, params.id, body.password, req.ip),
    ),
  );
  return router;
}
