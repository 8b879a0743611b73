import { Router } from 'express';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { findOwnUnit } from '../units/units.service';

/** GET /api/config — what the web app needs to know about this deployment. */
export function configRoutes({
  db,
  mapTileUrl,
  twilioConfigured,
  geocoderConfigured = false,
}: ModuleDeps & {
  mapTileUrl: string;
  twilioConfigured: boolean;
  /** Whether GEOCODER_URL is set (the web then offers address suggestions). */
  geocoderConfigured?: boolean;
}): Router {
  const router = Router();
  router.get(
    '/config',
    endpoint({ can: 'config.read' }, async ({ auth }) => {
      const unit = await findOwnUnit(db, auth);
      return {
        mapTileUrl,
        telephony: twilioConfigured ? 'twilio' : 'console',
        geocoder: geocoderConfigured,
        unit: unit ? { id: unit.id, name: unit.name, lat: unit.lat, lng: unit.lng } : null,
      };
    }),
  );
  return router;
}
