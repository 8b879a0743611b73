import { Router } from 'express';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { UserListQuerySchema } from '@tannha/shared';
import { units, users } from '../../db/schema';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { assertUnitInScope } from '../units/units.service';

/** GET /api/users — staff of the caller's units (dispatchers need couriers, admins everyone). */
export function usersRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/users',
    endpoint(
      { roles: ['dispatcher', 'manager', 'admin'], query: UserListQuerySchema },
      async ({ auth, query }) => {
        if (query.unitId) assertUnitInScope(auth, query.unitId);
        const rows = await db
          .select({
            id: users.id,
            username: users.username,
            fullName: users.fullName,
            role: users.role,
            unitId: users.unitId,
            unitName: units.name,
            disabled: users.disabled,
          })
          .from(users)
          .innerJoin(units, eq(units.id, users.unitId))
          .where(
            and(
              query.unitId
                ? eq(users.unitId, query.unitId)
                : inArray(users.unitId, [...auth.unitIds]),
              query.role ? eq(users.role, query.role) : undefined,
            ),
          )
          .orderBy(asc(users.role), asc(users.username));
        return { items: rows };
      },
    ),
  );
  return router;
}
