import { Router } from 'express';
import { RatingInputSchema, TrackingParamsSchema, TrackingQuerySchema } from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { publicLookupRateLimit } from '../../middleware/rate-limit';
import { rateTrackedJob, trackJob } from './tracking.service';

/**
 * Public tracking (no login): GET /api/track/:code?phone=LAST4 and
 * POST /api/track/:code/rating. One per-address budget covers both, so guessing codes or
 * digits through either is throttled alike.
 */
export function trackingRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  const limit = publicLookupRateLimit();
  router.get(
    '/track/:code',
    limit,
    endpoint(
      { can: 'public', params: TrackingParamsSchema, query: TrackingQuerySchema },
      async ({ params, query, locale, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        return trackJob(db, params.code, query.phone, locale);
      },
    ),
  );
  router.post(
    '/track/:code/rating',
    limit,
    endpoint(
      { can: 'public', params: TrackingParamsSchema, body: RatingInputSchema },
      async ({ params, body }) => withStatus(201, await rateTrackedJob(db, params.code, body)),
    ),
  );
  return router;
}
