import { arrivalMinutes, formatVnDateTime } from '@tannha/shared';
import type { Tx } from '../../db/client';
import type { JobEventRow, JobHook, JobRow } from '../jobs/jobs.service';
import { queueSms } from '../sms/sms.service';
import { citizenFailureText, citizenResultNote, givenName } from '../tracking/tracking-labels';
import * as repo from './notifications.repository';

/** Minutes from the courier setting off to arriving, when no live position says better. */
const DEFAULT_TRAVEL_MINUTES = 30;

/** Arrival estimate for the SMS: from the courier's last position (shared estimate), else now + a typical ride. */
async function etaFor(tx: Tx, job: JobRow, at: Date): Promise<Date> {
  const pos = await repo.findCourierLastPosition(tx, job.courierId);
  if (pos?.lat != null && pos.lng != null && job.lat != null && job.lng != null) {
    const minutes = arrivalMinutes({ lat: pos.lat, lng: pos.lng }, { lat: job.lat, lng: job.lng });
    return new Date(at.getTime() + minutes * 60_000);
  }
  return new Date(at.getTime() + DEFAULT_TRAVEL_MINUTES * 60_000);
}

type Sms = Parameters<typeof queueSms>[1];

/** The result date the courier copied from the appointment slip, in the tracking page's words. */
function submittedNote(job: JobRow, event: JobEventRow): string {
  const data = (event.data ?? {}) as { resultDueDate?: unknown };
  const resultDate = typeof data.resultDueDate === 'string' ? data.resultDueDate : null;
  return (
    citizenResultNote({ status: 'submitted', type: job.type, filedAt: null, resultDate }, 'vi') ??
    'Đang chờ cơ quan giải quyết hồ sơ'
  );
}
type Base = Pick<Sms, 'to' | 'jobId' | 'citizenId'>;

/** The SMS for one status change, or null when the citizen is not told about it. */
async function messageFor(
  tx: Tx,
  job: JobRow,
  event: JobEventRow,
  base: Base,
  trackingUrl: string,
): Promise<Sms | null> {
  const to = event.toStatus;
  if (to === 'en_route') {
    const fullName = job.courierId ? await repo.findUserName(tx, job.courierId) : null;
    const eta = await etaFor(tx, job, event.occurredAt);
    return {
      ...base,
      template: 'courier_en_route',
      vars: {
        courierName: givenName(fullName) ?? '',
        code: job.code,
        eta: formatVnDateTime(eta).slice(0, 5),
        trackingUrl,
      },
    };
  }
  if (to === 'submitted') {
    const agency = job.procedureId ? await repo.findProcedureAgency(tx, job.procedureId) : null;
    return {
      ...base,
      template: 'dossier_submitted',
      vars: {
        code: job.code,
        agency: agency ?? 'bộ phận một cửa',
        dossierCode: job.dossierCode ?? '',
        resultNote: submittedNote(job, event),
        trackingUrl,
      },
    };
  }
  if (to === 'delivered')
    return { ...base, template: 'result_delivered', vars: { code: job.code, trackingUrl } };
  if (to === 'failed_attempt') {
    return {
      ...base,
      template: 'failed_attempt',
      vars: {
        code: job.code,
        reason: citizenFailureText(event.reason, 'vi') ?? 'lý do khác',
        // The new time when one is already booked, else what happens next.
        newTime:
          job.windowStart && job.windowStart > event.occurredAt
            ? formatVnDateTime(job.windowStart)
            : 'chúng tôi sẽ gọi điện để hẹn lại',
      },
    };
  }
  return null;
}

/**
 * SMS at the moments a citizen cares about, queued through the SMS outbox inside the job's
 * own transaction (so a rolled-back change sends nothing): courier on the way (with an
 * ETA), dossier submitted (with the agency's dossier code), result delivered, failed
 * attempt (with the reason from the fixed list and the new appointment when one is set).
 * "Job created" is sent by the call desk. Opt-outs are honoured by queueSms.
 */
export function notificationsJobHooks(opts: { publicBaseUrl: string }): JobHook {
  return {
    name: 'notifications',
    transitioned: async (tx, job, event) => {
      const to = event.toStatus;
      if (!to || !['en_route', 'submitted', 'delivered', 'failed_attempt'].includes(to)) return;
      const citizen = await repo.findCitizenContact(tx, job.citizenId);
      if (!citizen) return;
      const base = { to: citizen.phone, jobId: job.id, citizenId: citizen.id };
      const sms = await messageFor(
        tx,
        job,
        event,
        base,
        `${opts.publicBaseUrl}/tra-cuu/${job.code}`,
      );
      if (sms) await queueSms(tx, sms);
    },
  };
}
