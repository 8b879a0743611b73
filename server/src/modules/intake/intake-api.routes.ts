import { Router, type RequestHandler, type Response } from 'express';
import { AppError } from '../../lib/errors';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import { jsonBody } from '../../middleware/request-validation';
import {
  authenticateIntakeKey,
  countIntakeRequest,
  presentedSecret,
  receiveResults,
} from '../intake-keys/intake-keys.service';
import type { JobHooks } from '../jobs/jobs.service';

/** The intake API's path inside /api. */
const RESULTS_PATH = '/intake/results';

/**
 * The body limit of a batch: 1,000 dossiers of a few hundred bytes each, with room for long
 * notes. Every other JSON route keeps the app's 1 MB.
 */
export const INTAKE_API_BODY_LIMIT = '4mb';

/**
 * The JSON parser of the intake API, placed before the app's own (which then finds the body
 * read and leaves it): the same strict UTF-8 and nesting checks, with a batch-sized limit.
 */
export function intakeApiBody(): RequestHandler {
  const parse = jsonBody(INTAKE_API_BODY_LIMIT);
  return (req, res, next) =>
    req.method === 'POST' && req.path === RESULTS_PATH ? parse(req, res, next) : next();
}

/** A refused key tells the client how it may authenticate; a limited one when to come back. */
const withAuthHeaders =
  (res: Response) =>
  (err: unknown): never => {
    if (err instanceof AppError && err.code === 'api_key_invalid') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="intake"');
    }
    const seconds = err instanceof AppError ? err.extra?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') res.setHeader('Retry-After', String(seconds));
    throw err;
  };

/**
 * POST /api/intake/results — the one-stop system sends a batch of finished dossiers with an
 * agency's API key (`Authorization: Bearer <key>` or `X-Api-Key`). Not a session route: staff
 * import files instead, and a signed-in browser without a key is refused like anyone else.
 */
export function intakeApiRoutes({ db, jobHooks }: ModuleDeps & { jobHooks: JobHooks }): Router {
  const router = Router();
  router.post(
    RESULTS_PATH,
    endpoint({ can: 'public' }, async ({ req, res }) => {
      const secret = presentedSecret({
        authorization: req.get('authorization'),
        apiKey: req.get('x-api-key'),
      });
      const key = await authenticateIntakeKey(db, secret, req.ip).catch(withAuthHeaders(res));
      await countIntakeRequest(db, key).catch(withAuthHeaders(res));
      return receiveResults(db, key, req.body, {
        hooks: jobHooks,
        idempotencyKey: readIdempotencyKey(req.get('idempotency-key')),
      });
    }),
  );
  return router;
}
