import {
  toVnDate,
  type AgencyHandoverCandidatesQuery,
  type AgencyHandoverInput,
  type AgencyHandoverListQuery,
  type DeliveryHandoverInput,
  type DossierSlipInput,
  type SubmitAtCounterInput,
} from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import {
  assertJobStatus,
  loadJobForAction,
  occurredAtFrom,
  type JobRecord,
} from '../courier/job-access';
import { transitionJob, type JobHooks } from '../jobs/jobs.service';
import { findUnitCode, nextCounter } from '../payments/payments.repository';
import { hashIdNumber, normalizeIdNumber } from './id-hash';
import {
  findAgencyHandover,
  findAgencyHandovers,
  findCitizenIdOnFile,
  findDeliveryHandoverByJob,
  findDocumentKinds,
  findHandoverCandidates,
  findProcedurePapers,
  findSlipByJob,
  insertAgencyHandover,
  insertAgencyHandoverItems,
  insertDeliveryHandover,
  insertSlip,
  updateSlip,
  type HandoverScope,
} from './handovers.repository';
import {
  presentAgencyHandover,
  presentAgencyHandoverSummary,
  presentDeliveryHandover,
  presentHandoverCandidate,
  presentSlip,
} from './handovers.presenter';

type Opts = { idempotencyKey?: string | undefined };
/** Options of the handovers that move the job (they need the app's job hooks). */
type JobOpts = Opts & { jobHooks: JobHooks };

function assertType(job: JobRecord, type: string, what: { vi: string; en: string }) {
  if (job.type !== type) {
    throw new AppError(409, 'job_type_mismatch', {
      vi: `${what.vi} chỉ dùng cho loại việc ${type}.`,
      en: `${what.en} applies to ${type} jobs only.`,
    });
  }
}

async function assertDocuments(
  tx: Tx,
  jobId: string | readonly string[],
  wanted: Record<string, { id: string | undefined; kinds: string[] }>,
) {
  const ids = Object.values(wanted)
    .map((w) => w.id)
    .filter((x): x is string => !!x);
  const kinds = await findDocumentKinds(tx, typeof jobId === 'string' ? [jobId] : jobId, ids);
  const fields: Record<string, { vi: string; en: string }> = {};
  for (const [field, w] of Object.entries(wanted)) {
    if (!w.id) continue;
    const k = kinds.get(w.id);
    if (!k || !w.kinds.includes(k))
      fields[field] = {
        vi: 'Ảnh/chữ ký không thuộc việc này hoặc sai loại',
        en: 'Not a file of this job, or the wrong kind',
      };
  }
  if (Object.keys(fields).length > 0) {
    throw unprocessable(
      'document_not_on_job',
      {
        vi: 'Có ảnh hoặc chữ ký không thuộc việc này. Hãy chụp/ký lại.',
        en: 'Some photos or signatures do not belong to this job. Take or sign them again.',
      },
      fields,
    );
  }
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
  opts: JobOpts,
) {
  const now = new Date();
  const occurredAt = occurredAtFrom(input.occurredAt, now);
  // The ID number itself never reaches the idempotency store: only its hash.
  const idHash = hashIdNumber(input.idNumber);
  const request = { ...input, idNumber: idHash };
  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `handover:delivery:${jobId}`,
      request: request,
    },
    async (tx) => {
      const job = await loadJobForAction(tx, auth, jobId, { forUpdate: true });
      assertType(job, 'result_delivery', { vi: 'Bàn giao kết quả', en: 'A result handover' });
      assertJobStatus(job, ['on_site'], { vi: 'bàn giao kết quả', en: 'hand over the result' });
      await assertDocuments(tx, jobId, {
        signatureId: { id: input.signatureId, kinds: ['signature'] },
        photoId: { id: input.photoId, kinds: ['handover_photo', 'photo'] },
        authorisationId: {
          id: input.authorisationId,
          kinds: ['authorisation_letter', 'photo', 'scan'],
        },
      });
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
        occurredAt,
        recordedAt: now,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
      });
      await transitionJob(
        db,
        auth,
        jobId,
        {
          to: 'delivered',
          occurredAt: occurredAt.toISOString(),
          ...(input.lat !== undefined ? { lat: input.lat } : {}),
          ...(input.lng !== undefined ? { lng: input.lng } : {}),
          data: {
            handoverId: row.id,
            recipientKind: input.recipientKind,
            idLast4: row.idLast4,
            papersTakenBack: input.papersTakenBack,
          },
        },
        { tx, hooks: opts.jobHooks },
      );
      return presentDeliveryHandover(row);
    },
  );
  return { ...r.body, replayed: r.replayed };
}

/**
 * The dossier slip of a pickup: the checklist (original/copy, what is missing) and both
 * signatures; numbered gapless per unit and year; the job moves to `collected`.
 */
export async function createDossierSlip(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: DossierSlipInput,
  opts: JobOpts,
) {
  const now = new Date();
  const occurredAt = occurredAtFrom(input.occurredAt, now);
  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `handover:slip:${jobId}`,
      request: input,
    },
    async (tx) => {
      const job = await loadJobForAction(tx, auth, jobId, { forUpdate: true });
      assertType(job, 'home_assistance', { vi: 'Phiếu gửi hồ sơ', en: 'A dossier slip' });
      assertJobStatus(job, ['on_site'], { vi: 'lập phiếu gửi hồ sơ', en: 'make the dossier slip' });
      if (await findSlipByJob(tx, jobId)) {
        throw new AppError(409, 'slip_exists', {
          vi: 'Việc này đã có phiếu gửi hồ sơ.',
          en: 'This job already has a dossier slip.',
        });
      }
      await assertDocuments(tx, jobId, {
        citizenSignatureId: { id: input.citizenSignatureId, kinds: ['signature'] },
        courierSignatureId: { id: input.courierSignatureId, kinds: ['signature'] },
      });
      const required = await findProcedurePapers(tx, job.procedureId);
      const present = new Set(input.papers.filter((p) => p.present).map((p) => p.name));
      const missing = [
        ...new Set([
          ...input.papers.filter((p) => !p.present).map((p) => p.name),
          ...required.filter((n) => !present.has(n) && !input.papers.some((p) => p.name === n)),
        ]),
      ];
      const unit = await findUnitCode(tx, job.unitId);
      const year = Number(toVnDate(now).slice(0, 4));
      const seq = await nextCounter(tx, `slip:${job.unitId}:${year}`);
      const slip = await insertSlip(tx, {
        jobId,
        unitId: job.unitId,
        slipYear: year,
        slipSeq: seq,
        slipNo: `${unit.code}/${year}/PG-${String(seq).padStart(6, '0')}`,
        papers: input.papers,
        missing,
        complete: missing.length === 0,
        citizenSignatureId: input.citizenSignatureId,
        courierSignatureId: input.courierSignatureId,
        createdBy: auth.user.id,
        idempotencyKey: opts.idempotencyKey ?? null,
        occurredAt,
        recordedAt: now,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
      });
      await transitionJob(
        db,
        auth,
        jobId,
        {
          to: 'collected',
          occurredAt: occurredAt.toISOString(),
          data: { slipNo: slip.slipNo, missing },
        },
        { tx, hooks: opts.jobHooks },
      );
      return presentSlip(slip);
    },
  );
  return { ...r.body, replayed: r.replayed };
}

/** The dossier code and result due date from the counter's appointment slip; the job moves to `submitted`. */
export async function submitAtCounter(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: SubmitAtCounterInput,
  opts: JobOpts,
) {
  const occurredAt = occurredAtFrom(input.occurredAt);
  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `handover:submit:${jobId}`,
      request: input,
    },
    async (tx) => {
      const job = await loadJobForAction(tx, auth, jobId, { forUpdate: true });
      assertType(job, 'home_assistance', {
        vi: 'Nộp hồ sơ tại quầy',
        en: 'Submitting at the counter',
      });
      assertJobStatus(job, ['collected'], {
        vi: 'ghi nhận nộp hồ sơ',
        en: 'record the submission',
      });
      const slip = await findSlipByJob(tx, jobId);
      if (slip)
        await updateSlip(tx, slip.id, {
          dossierCode: input.dossierCode,
          resultDueDate: input.resultDueDate,
        });
      await transitionJob(
        db,
        auth,
        jobId,
        {
          to: 'submitted',
          occurredAt: occurredAt.toISOString(),
          data: { dossierCode: input.dossierCode, resultDueDate: input.resultDueDate },
        },
        { tx, hooks: opts.jobHooks },
      );
      const after = await findSlipByJob(tx, jobId);
      return after ? presentSlip(after) : null;
    },
  );
  return { slip: r.body, replayed: r.replayed };
}

/**
 * The handover record (biên bản giao nhận) of several dossiers to the agency's counter. Its
 * signing time is the legal filing time and is stored on every dossier slip listed.
 */
export async function createAgencyHandover(
  db: Db,
  auth: AuthContext,
  input: AgencyHandoverInput,
  opts: Opts = {},
) {
  const now = new Date();
  const signedAt = occurredAtFrom(input.occurredAt, now);
  const r = await withIdempotentBody(
    db,
    { userId: auth.user.id, key: opts.idempotencyKey, scope: 'handover:agency', request: input },
    async (tx) => {
      const ids = [...new Set(input.items.map((i) => i.jobId))];
      if (ids.length !== input.items.length)
        throw unprocessable('duplicate_job', {
          vi: 'Một hồ sơ bị chọn hai lần.',
          en: 'A dossier was picked twice.',
        });
      const slips = [];
      let unitId: string | null = null;
      for (const item of input.items) {
        const job = await loadJobForAction(tx, auth, item.jobId, { forUpdate: true });
        assertType(job, 'home_assistance', { vi: 'Biên bản giao nhận', en: 'A handover record' });
        assertJobStatus(job, ['collected', 'submitted'], {
          vi: 'giao hồ sơ cho cơ quan',
          en: 'hand the dossier to the agency',
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
        unitId ??= job.unitId;
        slips.push({ slip, item });
      }
      // The clerk's signature must be one taken for a dossier of this record.
      await assertDocuments(tx, ids, {
        clerkSignatureId: { id: input.clerkSignatureId, kinds: ['signature'] },
      });
      const unit = await findUnitCode(tx, unitId!);
      const year = Number(toVnDate(now).slice(0, 4));
      const seq = await nextCounter(tx, `agency-handover:${unitId}:${year}`);
      const h = await insertAgencyHandover(tx, {
        unitId: unitId!,
        courierId: auth.user.id,
        recordYear: year,
        recordSeq: seq,
        recordNo: `${unit.code}/${year}/BBGN-${String(seq).padStart(5, '0')}`,
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
      const full = await findAgencyHandover(tx, h.id);
      return presentAgencyHandover(full!);
    },
  );
  return { ...r.body, replayed: r.replayed };
}

/** A handover record for printing, by its courier or the office of its unit. */
export async function getAgencyHandover(db: Db, auth: AuthContext, id: string) {
  const full = await findAgencyHandover(db, id);
  if (!full) throw notFound({ vi: 'Biên bản giao nhận', en: 'Handover record' });
  if (
    auth.user.role === 'courier'
      ? full.h.courierId !== auth.user.id
      : !auth.unitIds.includes(full.h.unitId)
  ) {
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
  await loadJobForAction(db, auth, jobId);
  const slip = await findSlipByJob(db, jobId);
  const delivery = await findDeliveryHandoverByJob(db, jobId);
  return {
    slip: slip ? presentSlip(slip) : null,
    delivery: delivery ? { ...presentDeliveryHandover(delivery), replayed: false } : null,
  };
}
