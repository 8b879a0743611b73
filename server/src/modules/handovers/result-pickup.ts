import type { ResultPickup, ResultPickupInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import type { Storage } from '../../integrations/storage/storage';
import { actionTimeFrom } from '../../lib/action-time';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { can } from '../../policies';
import { assertActionTime, type ActionClock } from '../couriers/courier-actions';
import {
  insertStagedSignature,
  stageSignature,
  type DocumentLimits,
  type StagedSignature,
} from '../documents/documents.service';
import { claimJob, transitionJob, type JobHooks } from '../jobs/jobs.service';
import { nextPaperNumber } from '../payments/payments.service';
import { judgeCodes, type PickupVerdict } from './result-pickup-check';
import {
  findPickupCandidates,
  findResultPickup,
  insertResultPickup,
  insertResultPickupItems,
  type PickupCandidateRow,
  type ResultPickupFull,
} from './result-pickups.repository';

/** What the counter pickup needs besides the request. */
export type ResultPickupOptions = {
  /** The client's `Idempotency-Key` (required: a phone at the counter retries). */
  idempotencyKey: string | undefined;
  jobHooks: JobHooks;
  /** Where the clerk's signature is stored, and the limits it is checked against. */
  storage: Storage;
  limits: DocumentLimits;
};

const RECORD = { vi: 'Biên bản giao nhận kết quả', en: 'Result pickup record' };

export function presentResultPickup(full: ResultPickupFull): Omit<ResultPickup, 'replayed'> {
  return {
    id: full.p.id,
    recordNo: full.p.recordNo,
    agencyName: full.p.agencyName,
    clerkName: full.p.clerkName,
    clerkSignatureId: full.p.clerkSignatureId,
    courierName: full.courierName,
    unitName: full.unitName,
    signedAt: full.p.signedAt.toISOString(),
    items: full.items.map((i) => ({
      jobId: i.jobId,
      jobCode: i.jobCode,
      dossierCode: i.dossierCode,
      citizenName: i.citizenName,
      addressText: i.addressText,
    })),
    flagged: full.p.flagged as ResultPickup['flagged'],
  };
}

/**
 * Moves one result into the courier's hands through the job engine (events, hooks and
 * realtime as any other step): a free job is claimed (new → assigned to them), then
 * assigned → accepted → picked_up as the state machine allows.
 */
async function pickUp(
  tx: Tx,
  db: Db,
  auth: AuthContext,
  row: PickupCandidateRow,
  clock: ActionClock,
  hooks: JobHooks,
) {
  await assertActionTime(tx, clock, row);
  const occurredAt = clock.at.toISOString();
  let status = row.status;
  if (status === 'new') {
    await claimJob(tx, auth, row.id, { hooks, at: clock.at, now: clock.now });
    status = 'assigned';
  }
  if (status === 'assigned')
    await transitionJob(db, auth, row.id, { to: 'accepted', occurredAt }, { hooks, tx });
  await transitionJob(db, auth, row.id, { to: 'picked_up', occurredAt }, { hooks, tx });
}

const noValidCodes = () =>
  unprocessable('no_valid_codes', {
    vi: 'Không có mã nào nhận được: mọi mã đều sai, của bưu cục khác hoặc đã được nhận. Không có gì được ghi.',
    en: 'No code can be picked up: every code is unknown, of another post office or already picked up. Nothing was recorded.',
  });

/** The record's rows, once every valid result is in the courier's hands. */
async function writeRecord(
  tx: Tx,
  auth: AuthContext,
  input: ResultPickupInput,
  taken: Extract<PickupVerdict, { ok: true }>[],
  flagged: { code: string; reason: string }[],
  ctx: { clock: ActionClock; staged: StagedSignature; key: string },
) {
  const { clock } = ctx;
  const unitId = auth.user.unitId;
  const series = { counter: `result-pickup:${unitId}`, prefix: 'BBNKQ', digits: 5 };
  const n = await nextPaperNumber(tx, unitId, series, clock.now);
  const pin = { lat: input.lat ?? null, lng: input.lng ?? null };
  const clerkSignatureId = await insertStagedSignature(tx, ctx.staged, {
    job: taken[0]!.row,
    signer: 'clerk',
    uploadedBy: auth.user.id,
    occurredAt: clock.at,
    recordedAt: clock.now,
    ...pin,
  });
  const p = await insertResultPickup(tx, {
    unitId,
    courierId: auth.user.id,
    recordYear: n.year,
    recordSeq: n.seq,
    recordNo: n.number,
    agencyName: input.agencyName,
    clerkName: input.clerkName,
    clerkSignatureId,
    flagged,
    signedAt: clock.at,
    recordedAt: clock.now,
    ...pin,
    idempotencyKey: ctx.key,
  });
  await insertResultPickupItems(
    tx,
    taken.map((v) => ({
      pickupId: p.id,
      jobId: v.row.id,
      dossierCode: v.row.dossierCode ?? v.code,
    })),
  );
  return p.id;
}

/**
 * The counter pickup of results (biên bản giao nhận kết quả), in one transaction: every code
 * is judged again on the locked jobs (a code that became invalid since the check is flagged,
 * never taken), each valid result moves to `picked_up` in the courier's hands, the record is
 * numbered per unit and year (`…/BBNKQ-00012`) and lists the results and the flagged codes;
 * the clerk's signature is filed as a document of the first result. No valid code: 422
 * `no_valid_codes` and nothing written. A retry with the same key returns the same record.
 */
export async function createResultPickup(
  db: Db,
  auth: AuthContext,
  input: ResultPickupInput,
  opts: ResultPickupOptions,
): Promise<ResultPickup> {
  const key = opts.idempotencyKey;
  if (!key)
    throw new AppError(428, 'idempotency_key_required', {
      vi: 'Thiếu Idempotency-Key: mỗi biên bản cần một mã riêng để gửi lại an toàn.',
      en: 'Idempotency-Key is missing: each record needs its own key so it can be resent safely.',
    });
  const now = new Date();
  const clock = { at: actionTimeFrom(input.occurredAt, now), now };
  const staged = await stageSignature(opts.storage, opts.limits, input.clerkSignature);
  try {
    const r = await withIdempotentBody(
      db,
      { userId: auth.user.id, key, scope: 'handover:result-pickup', request: input },
      async (tx) => {
        const rows = await findPickupCandidates(tx, [...new Set(input.codes)], { forUpdate: true });
        const verdicts = judgeCodes(auth, input.codes, rows);
        const taken = verdicts.filter((v): v is Extract<PickupVerdict, { ok: true }> => v.ok);
        if (taken.length === 0) throw noValidCodes();
        for (const v of taken) await pickUp(tx, db, auth, v.row, clock, opts.jobHooks);
        const flagged = verdicts.flatMap((v) => (v.ok ? [] : [{ code: v.code, reason: v.reason }]));
        const id = await writeRecord(tx, auth, input, taken, flagged, { clock, staged, key });
        return presentResultPickup((await findResultPickup(tx, id))!);
      },
    );
    if (r.replayed) await opts.storage.delete(staged.storageKey).catch(() => undefined);
    return { ...r.body, replayed: r.replayed };
  } catch (err) {
    await opts.storage.delete(staged.storageKey).catch(() => undefined);
    throw err;
  }
}

/**
 * A counter pickup record for printing, by its courier or the office of its unit; 404 (not
 * 403) for anyone else, so record ids cannot be probed.
 */
export async function getResultPickup(
  db: Db,
  auth: AuthContext,
  id: string,
): Promise<ResultPickup> {
  const full = await findResultPickup(db, id);
  if (!full || !can(auth, 'handovers.result_pickup_read', full.p)) throw notFound(RECORD);
  return { ...presentResultPickup(full), replayed: false };
}
