import { Router } from 'express';
import { eq } from 'drizzle-orm';
import { units } from '../../db/schema';
import { ALL_ROLES, endpoint, type ModuleDeps } from '../../lib/http';

/** GET /api/config — what the web app needs to know about this deployment. */
export function configRoutes({
  db,
  mapTileUrl,
  twilioConfigured,
}: ModuleDeps & { mapTileUrl: string; twilioConfigured: boolean }): Router {
  const router = Router();
  router.get(
    '/config',
    endpoint({ roles: ALL_ROLES }, async ({ auth }) => {
      const unit = (
        await db.select().from(units).where(eq(units.id, auth.user.unitId)).limit(1)
      )[0];
      return {
        mapTileUrl,
        telephony: twilioConfigured ? 'twilio' : 'console',
        unit: unit ? { id: unit.id, name: unit.name, lat: unit.lat, lng: unit.lng } : null,
      };
    }),
  );
  return router;
}
