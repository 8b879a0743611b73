import type { AgencyHandoverInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { actionTimeFrom } from '../../lib/action-time';
import { AppError, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import {
  assertActionTime,
  openJobForAction,
  type ActionClock,
  type ActionOptions,
} from '../couriers/courier-actions';
import { nextPaperNumber } from '../payments/payments.service';
import { assertDocuments } from './handover-documents';
import {
  findAgencyHandover,
  findSlipByJob,
  insertAgencyHandover,
  insertAgencyHandoverItems,
  updateSlip,
  type DossierSlipRow,
} from './handovers.repository';
import { presentAgencyHandover } from './handovers.presenter';

type Item = AgencyHandoverInput['items'][number];

/**
 * Locks every dossier listed and checks it can go to the agency: a home-assistance job of the
 * courier, collected or submitted, with a dossier slip no record lists yet; the signing time
 * (`at`) must fit each job (the one rule of `lib/action-time.ts`).
 */
async function lockDossiers(tx: Tx, auth: AuthContext, items: readonly Item[], at: ActionClock) {
  if (new Set(items.map((i) => i.jobId)).size !== items.length)
    throw unprocessable('duplicate_job', {
      vi: 'Một hồ sơ bị chọn hai lần.',
      en: 'A dossier was picked twice.',
    });
  const slips: { slip: DossierSlipRow; item: Item }[] = [];
  let unitId: string | null = null;
  for (const item of items) {
    const job = await openJobForAction(tx, auth, item.jobId, {
      can: 'handovers.write',
      jobType: {
        type: 'home_assistance',
        what: { vi: 'Biên bản giao nhận', en: 'A handover record' },
      },
      statuses: ['collected', 'submitted'],
      action: { vi: 'giao hồ sơ cho cơ quan', en: 'hand the dossier to the agency' },
    });
    const slip = await findSlipByJob(tx, job.id);
    if (!slip)
      throw unprocessable('slip_missing', {
        vi: `Việc ${job.code} chưa có phiếu gửi hồ sơ.`,
        en: `Job ${job.code} has no dossier slip.`,
      });
    if (slip.agencyHandoverId)
      throw new AppError(409, 'already_handed_over', {
        vi: `Hồ sơ ${job.code} đã được giao cho cơ quan.`,
        en: `Dossier ${job.code} was already handed to the agency.`,
      });
    await assertActionTime(tx, at, job);
    unitId ??= job.unitId;
    slips.push({ slip, item });
  }
  return { slips, unitId: unitId! };
}

/**
 * The handover record (biên bản giao nhận) of several dossiers to the agency's counter. Its
 * signing time is the legal filing time and is stored on every dossier slip listed.
 */
export async function createAgencyHandover(
  db: Db,
  auth: AuthContext,
  input: AgencyHandoverInput,
  opts: ActionOptions = {},
) {
  const now = new Date();
  const signedAt = actionTimeFrom(input.occurredAt, now);
  const r = await withIdempotentBody(
    db,
    { userId: auth.user.id, key: opts.idempotencyKey, scope: 'handover:agency', request: input },
    async (tx) => {
      const { slips, unitId } = await lockDossiers(tx, auth, input.items, {
        at: signedAt,
        now,
      });
      // The clerk's signature must be one taken for a dossier of this record.
      await assertDocuments(
        tx,
        input.items.map((i) => i.jobId),
        { clerkSignatureId: { id: input.clerkSignatureId, kinds: ['signature'] } },
      );
      const series = { counter: `agency-handover:${unitId}`, prefix: 'BBGN', digits: 5 };
      const n = await nextPaperNumber(tx, unitId, series, now);
      const h = await insertAgencyHandover(tx, {
        unitId,
        courierId: auth.user.id,
        recordYear: n.year,
        recordSeq: n.seq,
        recordNo: n.number,
        agencyName: input.agencyName,
        clerkName: input.clerkName,
        clerkSignatureId: input.clerkSignatureId ?? null,
        signedAt,
        recordedAt: now,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        idempotencyKey: opts.idempotencyKey ?? null,
      });
      await insertAgencyHandoverItems(
        tx,
        slips.map(({ slip, item }) => ({
          handoverId: h.id,
          jobId: item.jobId,
          slipNo: slip.slipNo,
          complete: item.complete,
          note: item.note ?? null,
        })),
      );
      for (const { slip } of slips)
        await updateSlip(tx, slip.id, { filedAt: signedAt, agencyHandoverId: h.id });
      return presentAgencyHandover((await findAgencyHandover(tx, h.id))!);
    },
  );
  return { ...r.body, replayed: r.replayed };
}
