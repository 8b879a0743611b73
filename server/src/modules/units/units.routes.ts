import { Router } from 'express';
import { IdParamsSchema } from '@tannha/shared';
import { ALL_ROLES, endpoint, type ModuleDeps } from '../../lib/http';
import { presentUnit } from './units.presenter';
import { getUnit, listUnits } from './units.service';

/** GET /api/units, GET /api/units/:id — scoped to the caller's subtree. */
export function unitsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/units',
    endpoint({ roles: ALL_ROLES }, async ({ auth }) => ({
      items: (await listUnits(db, auth)).map(presentUnit),
    })),
  );
  router.get(
    '/units/:id',
    endpoint({ roles: ALL_ROLES, params: IdParamsSchema }, async ({ auth, params }) => ({
      unit: presentUnit(await getUnit(db, auth, params.id)),
    })),
  );
  return router;
}
