import { parseDossierCode, toVnDate, type TransitionJobInput } from '@tannha/shared';
import { unprocessable, validationFailed } from '../../lib/errors';
import type { JobRow } from './jobs.repository';

/** Shortest reason accepted to override a check at the door (a sentence, not "ok"). */
export const OVERRIDE_REASON_MIN = 10;

/** What a courier's step records beyond the move itself: overrides and the code they checked. */
export type StepRecord = {
  /** The reasons the courier gave to override a check, for the event's reason. */
  reasons: string[];
  /** Extra facts for the event's payload (the expected code beside the one typed). */
  data: Record<string, unknown>;
};

function textOf(data: TransitionJobInput['data'], key: string): string | undefined {
  const v = data?.[key];
  return typeof v === 'string' ? v.trim() : undefined;
}

/** 400 naming the override field when the reason is too short to tell anyone anything. */
function assertReasonLongEnough(field: string, reason: string): void {
  if (reason.length >= OVERRIDE_REASON_MIN) return;
  throw validationFailed({
    [field]: {
      vi: `Lý do cần ít nhất ${OVERRIDE_REASON_MIN} ký tự.`,
      en: `The reason needs at least ${OVERRIDE_REASON_MIN} characters.`,
    },
  });
}

/**
 * Taking a result at the agency (`picked_up` of a result delivery): the code the courier read
 * on the package (`data.dossierCode`, normalised like every dossier code) must be the job's.
 * A different code is refused with 422 `dossier_code_mismatch` (field `dossierCode`) unless
 * `data.dossierCodeMismatchReason` says why (≥ 10 characters); the reason is recorded.
 */
function checkResultPackage(job: JobRow, input: TransitionJobInput, out: StepRecord): void {
  if (input.to !== 'picked_up' || job.type !== 'result_delivery') return;
  const typed = textOf(input.data, 'dossierCode');
  if (typed === undefined || typed === '') return;
  const parsed = parseDossierCode(typed);
  if (!parsed.ok) {
    throw validationFailed({
      dossierCode: {
        vi: 'Mã hồ sơ không hợp lệ (ví dụ H48.19.10-260315-0042)',
        en: 'Invalid dossier code (e.g. H48.19.10-260315-0042)',
      },
    });
  }
  if (!job.dossierCode || parsed.code === job.dossierCode) return;
  const reason = textOf(input.data, 'dossierCodeMismatchReason');
  if (!reason) {
    const text = {
      vi: `Mã hồ sơ ${parsed.code} không khớp với việc này (${job.dossierCode}). Kiểm tra lại gói kết quả.`,
      en: `Dossier code ${parsed.code} does not match this job (${job.dossierCode}). Check the result package.`,
    };
    throw unprocessable('dossier_code_mismatch', text, { dossierCode: text });
  }
  assertReasonLongEnough('dossierCodeMismatchReason', reason);
  out.reasons.push(reason);
  out.data['expectedDossierCode'] = job.dossierCode;
  out.data['dossierCode'] = parsed.code;
}

/**
 * Completing a job before the day of its appointment (the window's day in Vietnam): refused
 * with 422 `appointment_not_today` unless `data.earlyReason` says why (the citizen asked to
 * be served earlier; ≥ 10 characters); the reason is recorded. Later days pass: a dossier
 * may be filed the day after the visit.
 */
function checkAppointmentDay(
  job: JobRow,
  input: TransitionJobInput,
  occurredAt: Date,
  out: StepRecord,
): void {
  if (input.to !== 'completed' || !job.windowStart) return;
  const appointment = toVnDate(job.windowStart);
  const day = toVnDate(occurredAt);
  if (day >= appointment) return;
  const reason = textOf(input.data, 'earlyReason');
  if (!reason) {
    const [y, m, d] = appointment.split('-');
    const text = {
      vi: `Việc ${job.code} hẹn ngày ${d}/${m}/${y}, chưa đến ngày hẹn. Chỉ hoàn tất sớm khi công dân đề nghị, và ghi lý do.`,
      en: `Job ${job.code} is booked for ${d}/${m}/${y}, not today. Complete it early only at the citizen's request, with a reason.`,
    };
    throw unprocessable('appointment_not_today', text, { earlyReason: text });
  }
  assertReasonLongEnough('earlyReason', reason);
  out.reasons.push(reason);
  out.data['appointmentDate'] = appointment;
}

/**
 * The checks of a courier's step against what the office wrote on the job (the result's
 * dossier code, the appointment's day). Returns what the event must record of any override.
 */
export function checkCourierStep(
  job: JobRow,
  input: TransitionJobInput,
  occurredAt: Date,
): StepRecord {
  const out: StepRecord = { reasons: [], data: {} };
  checkResultPackage(job, input, out);
  checkAppointmentDay(job, input, occurredAt, out);
  return out;
}
