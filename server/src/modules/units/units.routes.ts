import { Router } from 'express';
import { z } from 'zod';
import { AdminUnitCreateSchema, AdminUnitUpdateSchema, IdParamsSchema } from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { presentUnit } from './units.presenter';
import { createUnit, getUnit, listAdminUnits, listUnits, updateUnit } from './units.service';

const IdParams = z.object({ id: z.uuid() });

/**
 * GET /api/units, GET /api/units/:id — scoped to the caller's subtree; and the admin's
 * /api/admin/units (list, create, change).
 */
export function unitsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/units',
    endpoint({ can: 'units.list' }, async ({ auth }) => ({
      items: (await listUnits(db, auth)).map(presentUnit),
    })),
  );
  router.get(
    '/units/:id',
    endpoint({ can: 'units.read', params: IdParamsSchema }, async ({ auth, params }) => ({
      unit: presentUnit(await getUnit(db, auth, params.id)),
    })),
  );
  router.get(
    '/admin/units',
    endpoint({ can: 'units.admin_list' }, async ({ auth }) => listAdminUnits(db, auth)),
  );
  router.post(
    '/admin/units',
    endpoint({ can: 'units.create', body: AdminUnitCreateSchema }, async ({ auth, body, req }) =>
      withStatus(201, await createUnit(db, auth, body, req.ip)),
    ),
  );
  router.patch(
    '/admin/units/:id',
    endpoint(
      { can: 'units.update', params: IdParams, body: AdminUnitUpdateSchema },
      async ({ auth, params, body, req }) => updateUnit(db, auth, params.id, body, req.ip),
    ),
  );
  return router;
}
