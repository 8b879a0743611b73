import { Router } from 'express';
import { z } from 'zod';
import { ReportRangeQuerySchema } from '@tannha/shared';
import { byQuery, type ModuleDeps } from '../../lib/http';
import { listUnitRatings } from './ratings.service';

const RatingsQuerySchema = ReportRangeQuerySchema.and(z.object({ courierId: z.uuid().optional() }));

/** GET /api/ratings?from&to&unitId&courierId — citizens' ratings with their comments. */
export function ratingsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/ratings',
    byQuery('ratings.list', RatingsQuerySchema, async (auth, query) => ({
      items: await listUnitRatings(db, auth, query),
    })),
  );
  return router;
}
