import { Router } from 'express';
import { AdminUnitCreateSchema, AdminUnitUpdateSchema } from '@tannha/shared';
import { adminRoutes } from '../../lib/admin-routes';
import { byId, endpoint, type ModuleDeps } from '../../lib/http';
import { presentUnit } from './units.presenter';
import { createUnit, getUnit, listAdminUnits, listUnits, updateUnit } from './units.service';

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
    byId('units.read', async (auth, id) => ({
      unit: presentUnit(await getUnit(db, auth, id)),
    })),
  );
  adminRoutes(router, db, '/admin/units', {
    list: { can: 'units.admin_list', run: listAdminUnits },
    create: { can: 'units.create', body: AdminUnitCreateSchema, run: createUnit },
    update: { can: 'units.update', body: AdminUnitUpdateSchema, run: updateUnit },
  });
  return router;
}
