import type { DeliveryHandoverInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { runCourierAction, type ActionOptions, type JobRecord } from '../couriers/courier-actions';
import { transitionJob, type JobHooks } from '../jobs/jobs.service';
import { assertDocuments } from './handover-documents';
import { insertDeliveryHandover } from './handovers.repository';
import { presentDeliveryHandover } from './handovers.presenter';
import { hashIdNumber, normalizeIdNumber } from './id-hash';
import { assertCccdStructure, checkCitizenCccd, type IdCheck } from './id-check';

/**
 * The applicant's CCCD against the one on file (see {@link checkCitizenCccd}); a proxy's ID
 * or another paper (old CMND, passport) has nothing on file to compare with.
 */
async function checkIdOnFile(
  tx: Tx,
  job: JobRecord,
  input: DeliveryHandoverInput,
): Promise<IdCheck> {
  if (input.recipientKind === 'applicant' && input.idType === 'cccd')
    return checkCitizenCccd(tx, job.citizenId, input.idNumber, input.idOverrideReason);
  const last4 = normalizeIdNumber(input.idNumber).slice(-4);
  return { result: 'not_compared', last4, overrideReason: null };
}

/** The delivery record's `id_matches_file`: true, false (went on with a reason) or null. */
const MATCHES_FILE: Record<IdCheck['result'], boolean | null> = {
  match: true,
  mismatch_overridden: false,
  none_on_file: null,
  not_compared: null,
};

/**
 * The result handed over at the door: recipient (applicant or proxy with an authorisation
 * letter), the ID checked against the one on file (only a hash and the last 4 digits are
 * kept), the signature, the photo and the papers taken back; the job moves to `delivered`
 * in the same transaction, at the time it happened on the phone.
 */
export async function recordDeliveryHandover(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: DeliveryHandoverInput,
  opts: ActionOptions & { jobHooks: JobHooks },
) {
  if (input.idType === 'cccd') assertCccdStructure(input.idNumber);
  // The ID number itself never reaches the idempotency store: only its hash.
  const idHash = hashIdNumber(input.idNumber);
  const spec = {
    can: 'handovers.write',
    occurredAt: input.occurredAt,
    jobType: { type: 'result_delivery', what: { vi: 'Bàn giao kết quả', en: 'A result handover' } },
    statuses: ['on_site'],
    action: { vi: 'bàn giao kết quả', en: 'hand over the result' },
    idempotency: {
      key: opts.idempotencyKey,
      scope: `handover:delivery:${jobId}`,
      request: { ...input, idNumber: idHash },
    },
  } as const;
  const r = await runCourierAction(db, auth, jobId, spec, async (tx, job, { at, now }) => {
    await assertDocuments(tx, jobId, {
      signatureId: { id: input.signatureId, kinds: ['signature'] },
      photoId: { id: input.photoId, kinds: ['handover_photo', 'photo'] },
      authorisationId: {
        id: input.authorisationId,
        kinds: ['authorisation_letter', 'photo', 'scan'],
      },
    });
    const idCheck = await checkIdOnFile(tx, job, input);
    const idMatchesFile = MATCHES_FILE[idCheck.result];
    const row = await insertDeliveryHandover(tx, {
      jobId,
      courierId: auth.user.id,
      recipientKind: input.recipientKind,
      recipientName: input.recipientName,
      proxyRelation: input.proxyRelation ?? null,
      idType: input.idType,
      idHash,
      idLast4: normalizeIdNumber(input.idNumber).slice(-4),
      idMatchesFile,
      signatureId: input.signatureId,
      photoId: input.photoId ?? null,
      authorisationId: input.authorisationId ?? null,
      papersTakenBack: input.papersTakenBack,
      idempotencyKey: opts.idempotencyKey ?? null,
      occurredAt: at,
      recordedAt: now,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
    });
    const data = {
      handoverId: row.id,
      recipientKind: input.recipientKind,
      idLast4: row.idLast4,
      idCheck: idCheck.result,
      ...(idCheck.overrideReason ? { idOverrideReason: idCheck.overrideReason } : {}),
      papersTakenBack: input.papersTakenBack,
    };
    const where = {
      ...(input.lat !== undefined ? { lat: input.lat } : {}),
      ...(input.lng !== undefined ? { lng: input.lng } : {}),
    };
    await transitionJob(
      db,
      auth,
      jobId,
      { to: 'delivered', occurredAt: at.toISOString(), ...where, data },
      { tx, hooks: opts.jobHooks },
    );
    return presentDeliveryHandover(row);
  });
  return { ...r.body, replayed: r.replayed };
}
