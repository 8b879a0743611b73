import { dueDate as computeDueDate, toVnDate, type CreateJobInput } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { conflict, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { keepCitizenPlace } from '../citizens/citizens.service';
import { provinceWardOrThrow } from '../places/places.service';
import { getSetting } from '../settings/settings.service';
import { runJobHooks, type JobHooks } from './job-hooks';
import { recordJobEvent } from './job-events';
import * as repo from './jobs.repository';
import type { JobRow } from './jobs.repository';

/** Options every job write takes. */
export type JobWriteOptions = {
  /** The app's job hooks (built by `createApp`): they run inside the write's transaction. */
  hooks: JobHooks;
  /** Run inside this transaction (it must come from `runTransaction`); events go out after it commits. */
  tx?: Tx | undefined;
};

/**
 * The citizen must exist and be one the user sees (403 for another unit's, as a call); the
 * call it came from, when given, likewise.
 */
async function checkCitizenAndCall(tx: Tx, auth: AuthContext, input: CreateJobInput) {
  const citizen = await repo.findCitizenBrief(tx, input.citizenId);
  if (!citizen) {
    throw unprocessable(
      'citizen_not_found',
      {
        vi: 'Không tìm thấy công dân này. Hãy chọn lại công dân từ danh bạ.',
        en: 'Citizen not found. Pick the citizen again from the directory.',
      },
      { citizenId: { vi: 'Công dân không tồn tại', en: 'Citizen does not exist' } },
    );
  }
  assertCan(auth, 'citizens.read', citizen);
  if (!input.callId) return;
  const call = await repo.findCallBrief(tx, input.callId);
  if (!call) {
    throw unprocessable(
      'call_not_found',
      {
        vi: 'Không tìm thấy cuộc gọi gắn với hồ sơ này.',
        en: 'The call this job is linked to was not found.',
      },
      { callId: { vi: 'Cuộc gọi không tồn tại', en: 'Call does not exist' } },
    );
  }
  assertCan(auth, 'calls.read', call);
}

/** The procedure (when given) must be active and doable by post. Returns the fees. */
async function checkProcedure(
  tx: Tx,
  input: CreateJobInput,
): Promise<{ feeDue: number; postal: number }> {
  if (!input.procedureId)
    return { feeDue: input.feeDueVnd ?? 0, postal: input.postalChargeVnd ?? 0 };
  const proc = await repo.findProcedureBrief(tx, input.procedureId);
  if (!proc || !proc.active) {
    throw unprocessable(
      'procedure_not_found',
      {
        vi: 'Thủ tục không tồn tại hoặc đã ngừng áp dụng.',
        en: 'The procedure does not exist or is no longer offered.',
      },
      { procedureId: { vi: 'Thủ tục không hợp lệ', en: 'Invalid procedure' } },
    );
  }
  if (proc.inPersonOnly) {
    throw unprocessable(
      'procedure_in_person_only',
      {
        vi: `Thủ tục “${proc.name}” yêu cầu công dân trực tiếp đến cơ quan, không thể tiếp nhận hoặc trả kết quả qua bưu chính. Hãy hướng dẫn công dân đến bộ phận một cửa.`,
        en: `The procedure “${proc.name}” must be done in person at the agency and cannot go by post. Direct the citizen to the one-stop counter.`,
      },
      { procedureId: { vi: 'Thủ tục phải làm trực tiếp', en: 'In-person procedure' } },
    );
  }
  return {
    feeDue: input.feeDueVnd ?? proc.feeVnd,
    postal: input.postalChargeVnd ?? proc.postalChargeVnd,
  };
}

/** A dossier code enters once: a second live result delivery for it is refused (409). */
async function checkDossierOnce(tx: Tx, input: CreateJobInput): Promise<void> {
  if (input.type !== 'result_delivery' || !input.dossierCode) return;
  const taken = await repo.findLiveResultByDossier(tx, input.dossierCode);
  if (!taken) return;
  throw conflict(
    'dossier_code_taken',
    {
      vi: `Hồ sơ ${input.dossierCode} đã có việc trả kết quả ${taken.code}. Hãy mở việc đó thay vì tạo việc mới.`,
      en: `Dossier ${input.dossierCode} already has the result delivery ${taken.code}. Open that job instead of creating a new one.`,
    },
    { jobId: taken.id, jobCode: taken.code },
  );
}

/** What the `created` event keeps beside the job: the call, and why the office was chosen. */
function createdData(input: CreateJobInput, office: Office): Record<string, unknown> | null {
  const data = {
    ...(input.callId ? { callId: input.callId } : {}),
    ...(office.overrideReason ? { unitOverrideReason: office.overrideReason } : {}),
  };
  return Object.keys(data).length > 0 ? data : null;
}

/** The post office a new job goes to, and why it is not the one serving its ward (if so). */
type Office = { unitId: string; overrideReason: string | null };

/**
 * The job's post office: the one serving its ward when `unitId` is left out (422
 * `ward_not_served` when none does); another one than the ward's needs a reason (422
 * `unit_override_reason_required`). The ward must be one of the province's (422 `ward_unknown`).
 */
async function resolveOffice(tx: Tx, input: CreateJobInput): Promise<Office> {
  const reason = input.unitOverrideReason ?? null;
  if (!input.wardCode) return { unitId: input.unitId!, overrideReason: reason };
  const ward = await provinceWardOrThrow(tx, input.wardCode);
  if (!input.unitId) {
    if (ward.office) return { unitId: ward.office.id, overrideReason: null };
    throw unprocessable(
      'ward_not_served',
      {
        vi: `Chưa có bưu cục nào phục vụ ${ward.fullName}. Hãy chọn bưu cục phục vụ, hoặc nhờ quản trị viên gán phường/xã này cho một bưu cục.`,
        en: `No post office serves ${ward.fullName} yet. Choose the post office, or ask an admin to add this ward to an office's service area.`,
      },
      { unitId: { vi: 'Chọn bưu cục phục vụ', en: 'Choose the post office' } },
    );
  }
  if (!ward.office || ward.office.id === input.unitId)
    return { unitId: input.unitId, overrideReason: ward.office ? null : reason };
  if (!reason)
    throw unprocessable(
      'unit_override_reason_required',
      {
        vi: `${ward.fullName} do ${ward.office.name} phục vụ. Muốn giao cho bưu cục khác, hãy ghi lý do.`,
        en: `${ward.fullName} is served by ${ward.office.name}. To give the job to another post office, write the reason.`,
      },
      {
        unitOverrideReason: {
          vi: 'Ghi lý do chọn bưu cục khác bưu cục phục vụ phường/xã',
          en: "Write why another office than the ward's is chosen",
        },
      },
    );
  return { unitId: input.unitId, overrideReason: reason };
}

/**
 * Creates a job (operators, dispatchers, managers, admins of the unit). Refuses a
 * procedure that must be done in person (422 `procedure_in_person_only`); fees default
 * from the procedure; the due date is `job_due_working_days` working days (default 2)
 * from now, counted from the next working day after 15:00; the code is `TN` + yymmdd +
 * a gapless 4-digit daily number. Runs the `created` hooks in the transaction and
 * publishes `jobs.updated` after commit.
 */
export async function createJob(
  db: Db,
  auth: AuthContext,
  input: CreateJobInput,
  opts: JobWriteOptions,
): Promise<JobRow> {
  if (input.unitId) assertCan(auth, 'jobs.create', { unitId: input.unitId });
  return runTransaction(
    db,
    async (tx) => {
      const office = await resolveOffice(tx, input);
      assertCan(auth, 'jobs.create', { unitId: office.unitId });
      await checkCitizenAndCall(tx, auth, input);
      const { feeDue, postal } = await checkProcedure(tx, input);
      await checkDossierOnce(tx, input);
      const now = new Date();
      const cal = await loadWorkingCalendar(tx);
      const days = await getSetting(tx, 'job_due_working_days');
      const due = computeDueDate(cal, now, Math.max(0, Math.round(days)));
      const prefix = `TN${toVnDate(now).slice(2).replace(/-/g, '')}`;
      const seq = await repo.nextJobSequence(tx, prefix);
      const row = await repo.insertJob(tx, {
        code: `${prefix}${String(seq).padStart(4, '0')}`,
        type: input.type,
        status: 'new',
        unitId: office.unitId,
        unitOverrideReason: office.overrideReason,
        citizenId: input.citizenId,
        procedureId: input.procedureId ?? null,
        dossierCode: input.dossierCode ?? null,
        addressText: input.addressText,
        wardCode: input.wardCode ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        locationSource: input.lat != null ? (input.locationSource ?? 'pinned') : null,
        windowStart: input.windowStart ? new Date(input.windowStart) : null,
        windowEnd: input.windowEnd ? new Date(input.windowEnd) : null,
        dueDate: due,
        postalLegTier: input.postalLegTier ?? 'province',
        priority: input.priority ?? 0,
        feeDueVnd: feeDue,
        postalChargeVnd: postal,
        notes: input.notes ?? null,
        callId: input.callId ?? null,
        createdBy: auth.user.id,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
      });
      await recordJobEvent(tx, {
        jobId: row.id,
        kind: 'created',
        toStatus: 'new',
        actorId: auth.user.id,
        occurredAt: now,
        recordedAt: now,
        data: createdData(input, office),
      });
      if (input.saveAddress)
        await keepCitizenPlace(tx, input.citizenId, {
          addressText: input.addressText,
          wardCode: input.wardCode ?? null,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          locationSource: row.locationSource,
        });
      await runJobHooks(opts.hooks, 'created', tx, row, auth);
      return row;
    },
    opts.tx,
  );
}
