import type { DossierSlipInput, SubmitAtCounterInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { AppError, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import {
  runCourierAction,
  type ActionClock,
  type ActionOptions,
  type JobRecord,
} from '../couriers/courier-actions';
import { transitionJob, type JobHooks } from '../jobs/jobs.service';
import { nextPaperNumber } from '../payments/payments.service';
import { assertDocuments } from './handover-documents';
import { findProcedurePapers, findSlipByJob, insertSlip, updateSlip } from './handovers.repository';
import { presentSlip } from './handovers.presenter';
import { assertCccdStructure, checkCitizenCccd } from './id-check';
import { hashIdNumber } from './id-hash';

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

/** One step of a home pickup (slip at the door, submission at the counter): where it starts, how errors name it. */
type PickupStep = {
  /** The idempotency scope's middle part (`handover:<key>:<jobId>`). */
  key: string;
  /** The job status the step starts from. */
  from: string;
  /** The step's name in the 409 `job_type_mismatch`. */
  what: LocalizedText;
  /** The step as the 409 `job_state_not_allowed` names it. */
  action: LocalizedText;
};

/** The slip at the door: the courier checks the papers with the citizen. */
const SLIP_STEP: PickupStep = {
  key: 'slip',
  from: 'on_site',
  what: { vi: 'Phiếu gửi hồ sơ', en: 'A dossier slip' },
  action: { vi: 'lập phiếu gửi hồ sơ', en: 'make the dossier slip' },
};

/** The submission at the agency's counter. */
const SUBMIT_STEP: PickupStep = {
  key: 'submit',
  from: 'collected',
  what: { vi: 'Nộp hồ sơ tại quầy', en: 'Submitting at the counter' },
  action: { vi: 'ghi nhận nộp hồ sơ', en: 'record the submission' },
};

/** Options of a pickup step: the idempotency key and the job hooks the move runs. */
type PickupStepOptions = ActionOptions & { jobHooks: JobHooks };

/**
 * Runs one step of a home pickup as a courier action (home-assistance jobs only, the
 * handovers ability, one answer per idempotency key); `work` moves the job on.
 */
function runPickupStep<T>(
  db: Db,
  auth: AuthContext,
  jobId: string,
  step: PickupStep,
  request: { occurredAt?: string | undefined },
  opts: ActionOptions,
  work: (tx: Tx, job: JobRecord, clock: ActionClock) => Promise<T>,
) {
  const spec = {
    can: 'handovers.write',
    occurredAt: request.occurredAt,
    jobType: { type: HOME_ASSISTANCE, what: step.what },
    statuses: [step.from],
    action: step.action,
    idempotency: { key: opts.idempotencyKey, scope: `handover:${step.key}:${jobId}`, request },
  } as const;
  return runCourierAction(db, auth, jobId, spec, work);
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
  opts: PickupStepOptions,
) {
  if (input.idNumber) assertCccdStructure(input.idNumber);
  // The ID number itself never reaches the idempotency store: only its hash.
  const request = input.idNumber ? { ...input, idNumber: hashIdNumber(input.idNumber) } : input;
  const r = await runPickupStep(
    db,
    auth,
    jobId,
    SLIP_STEP,
    request,
    opts,
    async (tx, job, { at, now }) => {
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
      const idCheck = input.idNumber
        ? await checkCitizenCccd(tx, job.citizenId, input.idNumber, input.idOverrideReason)
        : null;
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
      const data = {
        slipNo: slip.slipNo,
        missing,
        ...(idCheck
          ? {
              idCheck: idCheck.result,
              idLast4: idCheck.last4,
              ...(idCheck.overrideReason ? { idOverrideReason: idCheck.overrideReason } : {}),
            }
          : {}),
      };
      await transitionJob(
        db,
        auth,
        jobId,
        { to: 'collected', occurredAt: at.toISOString(), data },
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
  opts: PickupStepOptions,
) {
  const r = await runPickupStep(
    db,
    auth,
    jobId,
    SUBMIT_STEP,
    input,
    opts,
    async (tx, _job, { at }) => {
      const { dossierCode, resultDueDate } = input;
      const slip = await findSlipByJob(tx, jobId);
      if (slip) await updateSlip(tx, slip.id, { dossierCode, resultDueDate });
      await transitionJob(
        db,
        auth,
        jobId,
        { to: 'submitted', occurredAt: at.toISOString(), data: { dossierCode, resultDueDate } },
        { tx, hooks: opts.jobHooks },
      );
      const after = await findSlipByJob(tx, jobId);
      return after ? presentSlip(after) : null;
    },
  );
  return { slip: r.body, replayed: r.replayed };
}
