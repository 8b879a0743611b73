import { Router } from 'express';
import {
  AgencyHandoverCandidatesQuerySchema,
  AgencyHandoverInputSchema,
  AgencyHandoverListQuerySchema,
  DeliveryHandoverSchema,
  DossierSlipInputSchema,
  IdParamsSchema,
  SubmitAtCounterSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps, type Role } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import type { JobHooks } from '../jobs/jobs.service';
import {
  createAgencyHandover,
  createDossierSlip,
  getAgencyHandover,
  getJobPapers,
  listAgencyHandovers,
  listHandoverCandidates,
  recordDeliveryHandover,
  submitAtCounter,
} from './handovers.service';

const WRITERS: readonly Role[] = ['courier'];
const READERS: readonly Role[] = ['courier', 'operator', 'dispatcher', 'manager', 'admin'];

/**
 * The papers of the postal leg: `POST /api/jobs/:id/handover` (result at the door),
 * `POST /api/jobs/:id/dossier-slip` (pickup), `POST /api/jobs/:id/submission` (dossier
 * code from the counter), `POST /api/agency-handovers` (batch to the agency, the legal
 * filing time), and the read side: the dossiers waiting for a record, the latest records, one
 * record for printing.
 */
export function handoversRoutes({ db, jobHooks }: ModuleDeps & { jobHooks: JobHooks }): Router {
  const r = Router();
  const key = (h: string | undefined) => ({ idempotencyKey: readIdempotencyKey(h), jobHooks });

  r.post(
    '/jobs/:id/handover',
    endpoint(
      { roles: WRITERS, params: IdParamsSchema, body: DeliveryHandoverSchema },
      async ({ auth, params, body, req }) => {
        const res = await recordDeliveryHandover(
          db,
          auth,
          params.id,
          body,
          key(req.get('Idempotency-Key')),
        );
        return withStatus(res.replayed ? 200 : 201, res);
      },
    ),
  );
  r.post(
    '/jobs/:id/dossier-slip',
    endpoint(
      { roles: WRITERS, params: IdParamsSchema, body: DossierSlipInputSchema },
      async ({ auth, params, body, req }) => {
        const res = await createDossierSlip(
          db,
          auth,
          params.id,
          body,
          key(req.get('Idempotency-Key')),
        );
        return withStatus(res.replayed ? 200 : 201, res);
      },
    ),
  );
  r.post(
    '/jobs/:id/submission',
    endpoint(
      { roles: WRITERS, params: IdParamsSchema, body: SubmitAtCounterSchema },
      ({ auth, params, body, req }) =>
        submitAtCounter(db, auth, params.id, body, key(req.get('Idempotency-Key'))),
    ),
  );
  r.get(
    '/jobs/:id/papers',
    endpoint({ roles: READERS, params: IdParamsSchema }, ({ auth, params }) =>
      getJobPapers(db, auth, params.id),
    ),
  );
  r.post(
    '/agency-handovers',
    endpoint({ roles: WRITERS, body: AgencyHandoverInputSchema }, async ({ auth, body, req }) => {
      const res = await createAgencyHandover(db, auth, body, key(req.get('Idempotency-Key')));
      return withStatus(res.replayed ? 200 : 201, res);
    }),
  );
  r.get(
    '/agency-handovers',
    endpoint({ roles: READERS, query: AgencyHandoverListQuerySchema }, ({ auth, query }) =>
      listAgencyHandovers(db, auth, query),
    ),
  );
  // Before `/:id`, which would take "eligible" for an id (and refuse it).
  r.get(
    '/agency-handovers/eligible',
    endpoint({ roles: READERS, query: AgencyHandoverCandidatesQuerySchema }, ({ auth, query }) =>
      listHandoverCandidates(db, auth, query),
    ),
  );
  r.get(
    '/agency-handovers/:id',
    endpoint({ roles: READERS, params: IdParamsSchema }, ({ auth, params }) =>
      getAgencyHandover(db, auth, params.id),
    ),
  );
  return r;
}
