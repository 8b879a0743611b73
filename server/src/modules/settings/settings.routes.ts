import { Router } from 'express';
import { z } from 'zod';
import { AdminSettingBodySchema } from '@tannha/shared';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { listSettings, saveSetting } from './admin-settings.service';

const KeyParams = z.object({ key: z.string().max(60) });

/** /api/admin/settings — the settings an admin edits. */
export function settingsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/admin/settings',
    endpoint({ can: 'settings.list' }, async () => listSettings(db)),
  );
  router.put(
    '/admin/settings/:key',
    endpoint(
      { can: 'settings.update', params: KeyParams, body: AdminSettingBodySchema },
      async ({ auth, params, body, req }) => saveSetting(db, auth, params.key, body.value, req.ip),
    ),
  );
  return router;
}
