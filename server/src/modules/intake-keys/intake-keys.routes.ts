import { Router } from 'express';
import { IdParamsSchema, IntakeKeyCreateSchema } from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { createIntakeKey, listIntakeKeys, revokeIntakeKey } from './intake-keys.service';

/**
 * The admin's API keys for agencies' one-stop systems: GET /api/admin/intake-keys,
 * POST /api/admin/intake-keys (201 with the secret, shown this once) and
 * POST /api/admin/intake-keys/:id/revoke.
 */
export function intakeKeysRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/admin/intake-keys',
    endpoint({ can: 'intake_keys.list' }, ({ auth }) => listIntakeKeys(db, auth)),
  );
  router.post(
    '/admin/intake-keys',
    endpoint(
      { can: 'intake_keys.create', body: IntakeKeyCreateSchema },
      async ({ auth, body, req }) => withStatus(201, await createIntakeKey(db, auth, body, req.ip)),
    ),
  );
  router.post(
    '/admin/intake-keys/:id/revoke',
    endpoint(
      { can: 'intake_keys.revoke', params: IdParamsSchema },
      async ({ auth, params, req }) => ({
        key: await revokeIntakeKey(db, auth, params.id, req.ip),
      }),
    ),
  );
  return router;
}
