import type { DeliveryHandoverInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runCourierAction, type ActionOptions, type JobRecord } from '../couriers/courier-actions';
import { transitionJob } from '../jobs/jobs.service';
import { assertDocuments } from './handover-documents';
import { findCitizenIdOnFile, insertDeliveryHandover } from './handovers.repository';
import { presentDeliveryHandover } from './handovers.presenter';
import { hashIdNumber, normalizeIdNumber } from './id-hash';

/**
 * Whether the ID shown matches the one on file: null when it cannot be told (a proxy, or no
 * ID on file); 422 `id_mismatch` when the applicant's ID differs.
 */
async function checkIdOnFile(
  tx: Tx,
  job: JobRecord,
  input: DeliveryHandoverInput,
  idHash: string,
): Promise<boolean | null> {
  const onFile = await findCitizenIdOnFile(tx, job.citizenId);
  const idMatchesFile =
    input.recipientKind === 'applicant' && onFile?.cccdHash ? onFile.cccdHash === idHash : null;
  if (idMatchesFile === false) {
    throw unprocessable(
      'id_mismatch',
      {
        vi: 'Số giấy tờ không khớp với hồ sơ. Kiểm tra lại số đã nhập; nếu đúng là người khác nhận, chọn "Người nhận thay" và chụp giấy ủy quyền.',
        en: 'The ID number does not match the one on file. Check the number typed; if someone else receives it, choose "proxy" and photograph the authorisation.',
      },
      {
        idNumber: {
          vi: 'Không khớp với số trên hồ sơ',
          en: 'Does not match the number on file',
        },
      },
    );
  }
  return idMatchesFile;
}

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
  opts: ActionOptions = {},
) {
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
    const idMatchesFile = await checkIdOnFile(tx, job, input, idHash);
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
      { tx },
    );
    return presentDeliveryHandover(row);
  });
  return { ...r.body, replayed: r.replayed };
}
