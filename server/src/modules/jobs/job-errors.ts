import type { JobStatus } from '@tannha/shared';
import { AppError, conflict, type LocalizedText } from '../../lib/errors';
import { statusLabel } from './job-labels';
import type { JobRow } from './jobs.repository';

/** 409 `job_transition_not_allowed`, naming the current state. */
export function transitionNotAllowed(
  job: JobRow,
  to: JobStatus,
  allowedHint?: LocalizedText,
): AppError {
  const from = statusLabel(job.status);
  const target = statusLabel(to);
  return new AppError(
    409,
    'job_transition_not_allowed',
    {
      vi: `Không thể chuyển việc ${job.code} từ “${from.vi}” sang “${target.vi}” (trạng thái hiện tại: ${from.vi}).${allowedHint ? ' ' + allowedHint.vi : ''}`,
      en: `Cannot move job ${job.code} from '${job.status}' to '${to}' (current state: ${job.status}).${allowedHint ? ' ' + allowedHint.en : ''}`,
    },
    { extra: { currentStatus: job.status, version: job.version } },
  );
}

/** 409 `job_version_conflict`: someone else changed the job first. */
export function versionConflict(job: Pick<JobRow, 'code' | 'status' | 'version'>): AppError {
  return conflict(
    'job_version_conflict',
    {
      vi: `Việc ${job.code} vừa được người khác thay đổi (trạng thái hiện tại: ${statusLabel(job.status).vi}). Hãy tải lại và thử lại.`,
      en: `Job ${job.code} was just changed by someone else (current state: ${job.status}). Reload and try again.`,
    },
    { currentStatus: job.status, version: job.version },
  );
}

/** 422 `job_transition_reason_required`. */
export function transitionReasonRequired(from: JobStatus, to: JobStatus, en: string): AppError {
  return new AppError(
    422,
    'job_transition_reason_required',
    {
      vi: `Cần ghi lý do để chuyển việc sang “${statusLabel(to).vi}” (trạng thái hiện tại: ${statusLabel(from).vi}).`,
      en,
    },
    {
      fields: { reason: { vi: 'Hãy ghi lý do', en: 'Give a reason' } },
      extra: { currentStatus: from },
    },
  );
}

/** 422 `job_assign_reason_required`. */
export function assignReasonRequired(what: LocalizedText): AppError {
  return new AppError(
    422,
    'job_assign_reason_required',
    { vi: `Cần ghi lý do khi ${what.vi}.`, en: `A reason is required to ${what.en}.` },
    { fields: { reason: { vi: 'Hãy ghi lý do', en: 'Give a reason' } } },
  );
}
