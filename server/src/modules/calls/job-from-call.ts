import { formatVnDate, type CreateJobFromCallInput, type JobFromCallResult } from '@tannha/shared';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { AppError, conflict, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { getCitizenForUser } from '../citizens/citizens.service';
import { createJob, type JobHooks } from '../jobs/jobs.service';
import { queueSms } from '../sms/sms.service';
import { JOB_TYPE_SMS_NAMES } from '../sms/sms.templates';
import { postalDeadlineText } from '../tracking/tracking.service';
import { callView, loadCall, type CallRow } from './call-record';
import * as repo from './calls.repository';

/** One job per call, and none from a closed call. */
function assertNoJobYet(c: CallRow): void {
  if (c.closedAt) {
    throw new AppError(409, 'call_closed', {
      vi: `Phiếu ${c.ticketCode} đã đóng; không tạo thêm việc từ phiếu này. Hãy ghi một cuộc gọi mới.`,
      en: `Call ${c.ticketCode} is closed; log a new call to create another job.`,
    });
  }
  if (c.jobId) {
    throw conflict('call_has_job', {
      vi: `Phiếu ${c.ticketCode} đã có việc được tạo. Mỗi cuộc gọi chỉ tạo một việc.`,
      en: `A job was already created from call ${c.ticketCode}. One job per call.`,
    });
  }
}

/** The citizen the job is for: the one chosen now, or the one the call is linked to. */
function citizenOfJob(input: CreateJobFromCallInput, c: CallRow): string {
  const citizenId = input.citizenId ?? c.citizenId;
  if (citizenId) return citizenId;
  throw unprocessable(
    'citizen_required',
    {
      vi: 'Cần lưu thông tin người gọi trước khi tạo việc.',
      en: 'Save the caller first, then create the job.',
    },
    { citizenId: { vi: 'Chưa chọn người gọi', en: 'No caller chosen' } },
  );
}

/** The job engine's input for a job made from this call's form (it fills the defaults). */
function jobInput(input: CreateJobFromCallInput, citizenId: string, callId: string) {
  // `saveAddress` rides along: the job engine keeps the address with its ward, pin and the
  // pin's source on the caller's card, in the same transaction.
  const { citizenId: _chosen, ...fields } = input;
  return { ...fields, citizenId, callId };
}

type CreatedJob = Awaited<ReturnType<typeof createJob>>;

/** The one "job created" SMS with the job code and the tracking link. */
async function queueJobCreatedSms(
  tx: DbOrTx,
  job: CreatedJob,
  to: { phone: string; citizenId: string; callId: string },
  publicBaseUrl: string,
) {
  return queueSms(tx, {
    to: to.phone,
    template: 'job_created',
    vars: {
      jobType: JOB_TYPE_SMS_NAMES[job.type] ?? job.type,
      code: job.code,
      dueText: postalDeadlineText(job.type, 'vi').toLocaleLowerCase('vi'),
      dueDate: job.dueDate ? formatVnDate(job.dueDate) : '',
      trackingUrl: `${publicBaseUrl}/tra-cuu/${job.code}`,
    },
    jobId: job.id,
    citizenId: to.citizenId,
    callId: to.callId,
  });
}

/**
 * Job from a call, in ONE transaction: the job engine creates the job (refusing in-person
 * procedures, computing the due date in working days), the call is linked to it
 * (outcome job_created), and exactly one SMS with the job code and tracking link is
 * queued for the citizen.
 */
export async function createJobFromCall(
  db: Db,
  auth: AuthContext,
  callId: string,
  input: CreateJobFromCallInput,
  opts: { publicBaseUrl: string; jobHooks: JobHooks },
): Promise<JobFromCallResult> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, callId, 'calls.createJob', { forUpdate: true });
    assertNoJobYet(c);
    const citizenId = citizenOfJob(input, c);
    const citizen = await getCitizenForUser(tx, auth, citizenId);
    const job = await createJob(db, auth, jobInput(input, citizenId, callId), {
      tx: tx as Tx,
      hooks: opts.jobHooks,
    });
    await repo.updateCallRow(tx, callId, {
      jobId: job.id,
      outcome: 'job_created',
      citizenId,
      category:
        c.category ?? (input.type === 'result_delivery' ? 'delivery_request' : 'pickup_request'),
      procedureId: c.procedureId ?? input.procedureId ?? null,
    });
    const sms = await queueJobCreatedSms(
      tx,
      job,
      { phone: citizen.phone, citizenId, callId },
      opts.publicBaseUrl,
    );
    return {
      call: await callView(tx, callId),
      job: { id: job.id, code: job.code, dueDate: job.dueDate, status: job.status },
      smsId: sms?.id ?? null,
    };
  });
}
