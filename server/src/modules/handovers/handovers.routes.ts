import { Router, type Request } from 'express';
import {
  AgencyHandoverCandidatesQuerySchema,
  AgencyHandoverInputSchema,
  AgencyHandoverListQuerySchema,
  DeliveryHandoverSchema,
  DossierSlipInputSchema,
  IdParamsSchema,
  SubmitAtCounterSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
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

const keyOf = (req: Request) => ({
  idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
});
/** 201 for a new paper, 200 when a retry replays the first answer. */
const created = (res: { replayed: boolean }) => withStatus(res.replayed ? 200 : 201, res);

/**
 * The papers of the postal leg: `POST /api/jobs/:id/handover` (result at the door),
 * `POST /api/jobs/:id/dossier-slip` (pickup), `POST /api/jobs/:id/submission` (dossier
 * code from the counter), `POST /api/agency-handovers` (batch to the agency, the legal
 * filing time), and the read side: the dossiers waiting for a record, the latest records, one
 * record for printing.
 */
export function handoversRoutes({ db }: ModuleDeps): Router {
  const r = Router();
  const write = { can: 'handovers.write', params: IdParamsSchema } as const;
  const read = { can: 'handovers.read' } as const;

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
  return r;
}
