import { Router, type Request } from 'express';
import {
  AgencyHandoverCandidatesQuerySchema,
  AgencyHandoverInputSchema,
  AgencyHandoverListQuerySchema,
  DeliveryHandoverSchema,
  DossierSlipInputSchema,
  IdParamsSchema,
  ResultPickupCheckInputSchema,
  ResultPickupInputSchema,
  SubmitAtCounterSchema,
} from '@tannha/shared';
import type { Storage } from '../../integrations/storage/storage';
import { byId, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import { createDocumentLimits } from '../documents/documents.service';
import type { JobHooks } from '../jobs/jobs.service';
import {
  createAgencyHandover,
  createDossierSlip,
  getAgencyHandover,
  checkResultPickup,
  createResultPickup,
  getJobPapers,
  getResultPickup,
  listAgencyHandovers,
  listHandoverCandidates,
  recordDeliveryHandover,
  submitAtCounter,
} from './handovers.service';

/** 201 for a new paper, 200 when a retry replays the first answer. */
const created = (res: { replayed: boolean }) => withStatus(res.replayed ? 200 : 201, res);

/**
 * The papers of the postal leg: `POST /api/jobs/:id/handover` (result at the door),
 * `POST /api/jobs/:id/dossier-slip` (pickup), `POST /api/jobs/:id/submission` (dossier
 * code from the counter), `POST /api/agency-handovers` (batch to the agency, the legal
 * filing time), and the read side: the dossiers waiting for a record, the latest records, one
 * record for printing. The counter pickup of results: `POST /api/couriers/me/result-pickups/check`
 * (what each scanned code would be), `POST /api/couriers/me/result-pickups` (the batch taken,
 * signed by the clerk), `GET /api/result-pickups/:id` (the record for printing).
 */
export function handoversRoutes(
  deps: ModuleDeps & {
    jobHooks: JobHooks;
    storage: Storage;
    maxUploadBytes: number;
    maxUploadPixels: number;
  },
): Router {
  const { db, jobHooks, storage } = deps;
  const limits = createDocumentLimits(deps.maxUploadBytes, deps.maxUploadPixels);
  const r = Router();
  const write = { can: 'handovers.write', params: IdParamsSchema } as const;
  const read = { can: 'handovers.read' } as const;
  const keyOf = (req: Request) => ({
    idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
    jobHooks,
  });

  r.post(
    '/jobs/:id/handover',
    endpoint({ ...write, body: DeliveryHandoverSchema }, async ({ auth, params, body, req }) =>
      created(await recordDeliveryHandover(db, auth, params.id, body, keyOf(req))),
    ),
  );
  r.post(
    '/jobs/:id/dossier-slip',
    endpoint({ ...write, body: DossierSlipInputSchema }, async ({ auth, params, body, req }) =>
      created(await createDossierSlip(db, auth, params.id, body, keyOf(req))),
    ),
  );
  r.post(
    '/jobs/:id/submission',
    endpoint({ ...write, body: SubmitAtCounterSchema }, ({ auth, params, body, req }) =>
      submitAtCounter(db, auth, params.id, body, keyOf(req)),
    ),
  );
  r.get(
    '/jobs/:id/papers',
    endpoint({ ...read, params: IdParamsSchema }, ({ auth, params }) =>
      getJobPapers(db, auth, params.id),
    ),
  );
  r.post(
    '/agency-handovers',
    endpoint(
      { can: 'handovers.write', body: AgencyHandoverInputSchema },
      async ({ auth, body, req }) =>
        created(await createAgencyHandover(db, auth, body, keyOf(req))),
    ),
  );
  r.get(
    '/agency-handovers',
    endpoint({ ...read, query: AgencyHandoverListQuerySchema }, ({ auth, query }) =>
      listAgencyHandovers(db, auth, query),
    ),
  );
  // Before `/:id`, which would take "eligible" for an id (and refuse it).
  r.get(
    '/agency-handovers/eligible',
    endpoint({ ...read, query: AgencyHandoverCandidatesQuerySchema }, ({ auth, query }) =>
      listHandoverCandidates(db, auth, query),
    ),
  );
  r.get(
    '/agency-handovers/:id',
    endpoint({ ...read, params: IdParamsSchema }, ({ auth, params }) =>
      getAgencyHandover(db, auth, params.id),
    ),
  );
  r.post(
    '/couriers/me/result-pickups/check',
    endpoint(
      { can: 'handovers.result_pickup', body: ResultPickupCheckInputSchema },
      ({ auth, body }) => checkResultPickup(db, auth, body),
    ),
  );
  r.post(
    '/couriers/me/result-pickups',
    endpoint(
      { can: 'handovers.result_pickup', body: ResultPickupInputSchema },
      async ({ auth, body, req }) =>
        created(
          await createResultPickup(db, auth, body, {
            idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
            jobHooks,
            storage,
            limits,
          }),
        ),
    ),
  );
  r.get(
    '/result-pickups/:id',
    byId('handovers.result_pickup_read', (auth, id) => getResultPickup(db, auth, id)),
  );
  return r;
}
