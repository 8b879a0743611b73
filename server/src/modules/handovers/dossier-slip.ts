import type { DossierSlipInput, SubmitAtCounterInput } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runCourierAction, type ActionOptions } from '../couriers/courier-actions';
import { transitionJob } from '../jobs/jobs.service';
import { nextPaperNumber } from '../payments/payments.service';
import { assertDocuments } from './handover-documents';
import { findProcedurePapers, findSlipByJob, insertSlip, updateSlip } from './handovers.repository';
import { presentSlip } from './handovers.presenter';

const HOME_ASSISTANCE = 'home_assistance';

/** The papers missing from a slip: those ticked absent, and those the procedure asks for but were not listed. */
function missingPapers(papers: DossierSlipInput['papers'], required: readonly string[]): string[] {
  const present = new Set(papers.filter((p) => p.present).map((p) => p.name));
  return [
    ...new Set([
      ...papers.filter((p) => !p.present).map((p) => p.name),
      ...required.filter((n) => !present.has(n) && !papers.some((p) => p.name === n)),
    ]),
  ];
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
  opts: ActionOptions = {},
) {
  const spec = {
    can: 'handovers.write',
    occurredAt: input.occurredAt,
    jobType: { type: HOME_ASSISTANCE, what: { vi: 'Phiếu gửi hồ sơ', en: 'A dossier slip' } },
    statuses: ['on_site'],
    action: { vi: 'lập phiếu gửi hồ sơ', en: 'make the dossier slip' },
    idempotency: { key: opts.idempotencyKey, scope: `handover:slip:${jobId}`, request: input },
  } as const;
  const r = await runCourierAction(db, auth, jobId, spec, async (tx, job, { at, now }) => {
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
    const missing = missingPapers(input.papers, await findProcedurePapers(tx, job.procedureId));
    const series = { counter: `slip:${job.unitId}`, prefix: 'PG', digits: 6 };
    const n = await nextPaperNumber(tx, job.unitId, series, now);
    const slip = await insertSlip(tx, {
      jobId,
      unitId: job.unitId,
      slipYear: n.year,
      slipSeq: n.seq,
      slipNo: n.number,
      papers: input.papers,
      missing,
      complete: missing.length === 0,
      citizenSignatureId: input.citizenSignatureId,
      courierSignatureId: input.courierSignatureId,
      createdBy: auth.user.id,
      idempotencyKey: opts.idempotencyKey ?? null,
      occurredAt: at,
      recordedAt: now,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
    });
    const data = { slipNo: slip.slipNo, missing };
    await transitionJob(
      db,
      auth,
      jobId,
      { to: 'collected', occurredAt: at.toISOString(), data },
      { tx },
    );
    return presentSlip(slip);
  });
  return { ...r.body, replayed: r.replayed };
}

/** The dossier code and result due date from the counter's appointment slip; the job moves to `submitted`. */
export async function submitAtCounter(
  db: Db,
  auth: AuthContext,
  jobId: string,
  input: SubmitAtCounterInput,
  opts: ActionOptions = {},
) {
  const spec = {
    can: 'handovers.write',
    occurredAt: input.occurredAt,
    jobType: {
      type: HOME_ASSISTANCE,
      what: { vi: 'Nộp hồ sơ tại quầy', en: 'Submitting at the counter' },
    },
    statuses: ['collected'],
    action: { vi: 'ghi nhận nộp hồ sơ', en: 'record the submission' },
    idempotency: { key: opts.idempotencyKey, scope: `handover:submit:${jobId}`, request: input },
  } as const;
  const r = await runCourierAction(db, auth, jobId, spec, async (tx, _job, { at }) => {
    const { dossierCode, resultDueDate } = input;
    const slip = await findSlipByJob(tx, jobId);
    if (slip) await updateSlip(tx, slip.id, { dossierCode, resultDueDate });
    await transitionJob(
      db,
      auth,
      jobId,
      { to: 'submitted', occurredAt: at.toISOString(), data: { dossierCode, resultDueDate } },
      { tx },
    );
    const after = await findSlipByJob(tx, jobId);
    return after ? presentSlip(after) : null;
  });
  return { slip: r.body, replayed: r.replayed };
}
