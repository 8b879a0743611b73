import type { AgencyHandoverCandidatesQuery, AgencyHandoverListQuery } from '@tannha/shared';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { can } from '../../policies';
import { loadJobForAction } from '../couriers/courier-actions';
import {
  findAgencyHandover,
  findAgencyHandovers,
  findDeliveryHandoverByJob,
  findHandoverCandidates,
  findSlipByJob,
  type HandoverScope,
} from './handovers.repository';
import {
  presentAgencyHandover,
  presentAgencyHandoverSummary,
  presentDeliveryHandover,
  presentHandoverCandidate,
  presentSlip,
} from './handovers.presenter';

export { createAgencyHandover } from './agency-handover';
export { recordDeliveryHandover } from './deliver-result';
export { createDossierSlip, submitAtCounter } from './dossier-slip';
export { checkResultPickup } from './result-pickup-check';
export { createResultPickup, getResultPickup } from './result-pickup';

/**
 * A handover record for printing, by its courier or the office of its unit; 404 (not 403)
 * for anyone else, so record ids cannot be probed.
 */
export async function getAgencyHandover(db: Db, auth: AuthContext, id: string) {
  const full = await findAgencyHandover(db, id);
  if (!full || !can(auth, 'handovers.read', full.h)) {
    throw notFound({ vi: 'Biên bản giao nhận', en: 'Handover record' });
  }
  return { ...presentAgencyHandover(full), replayed: false };
}

/** What the caller may list: a courier their own jobs and records, the office its units'. */
function listScope(auth: AuthContext, courierId?: string): HandoverScope {
  return auth.user.role === 'courier'
    ? { courierId: auth.user.id }
    : { unitIds: auth.unitIds, courierId };
}

/**
 * The dossiers that can go into a handover record now: collected at home, with a dossier slip,
 * not listed by any record yet. A courier gets their own (whatever `courierId` says); the office
 * gets those of its units, or one courier's.
 */
export async function listHandoverCandidates(
  db: Db,
  auth: AuthContext,
  query: AgencyHandoverCandidatesQuery,
) {
  const rows = await findHandoverCandidates(db, listScope(auth, query.courierId));
  return { items: rows.map(presentHandoverCandidate) };
}

/** The latest handover records, to find one again and reprint it. */
export async function listAgencyHandovers(
  db: Db,
  auth: AuthContext,
  query: AgencyHandoverListQuery,
) {
  const rows = await findAgencyHandovers(db, listScope(auth), query.limit);
  return { items: rows.map(presentAgencyHandoverSummary) };
}

/** The papers of one job: its dossier slip and its delivery handover, for the job screen and printing. */
export async function getJobPapers(db: Db, auth: AuthContext, jobId: string) {
  await loadJobForAction(db, auth, 'handovers.read', jobId);
  const slip = await findSlipByJob(db, jobId);
  const delivery = await findDeliveryHandoverByJob(db, jobId);
  return {
    slip: slip ? presentSlip(slip) : null,
    delivery: delivery ? { ...presentDeliveryHandover(delivery), replayed: false } : null,
  };
}
