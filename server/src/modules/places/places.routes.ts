import { Router } from 'express';
import {
  GeocodeQuerySchema,
  IdParamsSchema,
  OfficeForWardQuerySchema,
  PutServiceWardsSchema,
  WardsQuerySchema,
} from '@tannha/shared';
import { byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import { userRateLimit } from '../../middleware/rate-limit';
import * as places from './places.service';

/** Geocoder look-ups one user may make per minute. */
export const GEOCODE_PER_MINUTE = 30;

/**
 * `/api/places/*` (ward look-ups, the office serving a ward, geocoder suggestions) and the
 * admin's service areas (`/api/admin/service-areas`, `/api/admin/units/:id/service-wards`).
 */
export function placesRoutes({
  db,
  geocoderUrl,
}: ModuleDeps & { geocoderUrl: string | undefined }): Router {
  const router = Router();
  router.get(
    '/places/wards',
    byQuery('places.wards', WardsQuerySchema, (_auth, query) =>
      places.listProvinceWards(db, query),
    ),
  );
  router.get(
    '/places/office-for-ward',
    byQuery('places.wards', OfficeForWardQuerySchema, async (_auth, query) => ({
      office: await places.officeForWard(db, query.wardCode),
    })),
  );
  router.get(
    '/places/geocode',
    userRateLimit({ name: 'geocode', limit: GEOCODE_PER_MINUTE }),
    byQuery('places.geocode', GeocodeQuerySchema, (_auth, query) =>
      places.geocode(query.q, { url: geocoderUrl }),
    ),
  );
  router.get(
    '/admin/service-areas',
    endpoint({ can: 'places.service_areas.read' }, ({ auth }) => places.listServiceAreas(db, auth)),
  );
  router.put(
    '/admin/units/:id/service-wards',
    endpoint(
      { can: 'places.service_areas.update', params: IdParamsSchema, body: PutServiceWardsSchema },
      ({ auth, params, body, req }) =>
        places.putServiceWards(db, auth, params.id, body, { ip: req.ip }),
    ),
  );
  return router;
}
