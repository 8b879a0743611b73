import { eq, sql } from 'drizzle-orm';
import { formatVnDateTime } from '@tannha/shared';
import { queryRows, type Tx } from '../../db/client';
import { citizens, procedures, users } from '../../db/schema';
import { registerJobHook } from '../jobs/job-hooks';
import type { JobRow } from '../jobs/jobs.repository';
import { queueSms } from '../sms/sms.service';
import { citizenFailureText, givenName } from '../tracking/tracking-labels';

/** Minutes from the courier setting off to arriving, when no live position says better. */
const DEFAULT_TRAVEL_MINUTES = 30;

async function citizenOf(tx: Tx, job: JobRow) {
  const [c] = await tx
    .select({ id: citizens.id, phone: citizens.phone })
    .from(citizens)
    .where(eq(citizens.id, job.citizenId))
    .limit(1);
  return c;
}

/** Arrival estimate for the SMS: the end of the appointment window if it is later, else now + a typical ride. */
async function etaFor(tx: Tx, job: JobRow, at: Date): Promise<Date> {
  const rows = await queryRows<{ lat: number | null; lng: number | null; at: Date | null }>(
    tx,
    sql`select last_lat as lat, last_lng as lng, last_at as at from courier_status where courier_id = ${job.courierId}::uuid`,
  );
  const pos = rows[0];
  if (pos?.lat != null && pos.lng != null && job.lat != null && job.lng != null) {
    const rad = (d: number) => (d * Math.PI) / 180;
    const h =
      Math.sin(rad(job.lat - pos.lat) / 2) ** 2 +
      Math.cos(rad(pos.lat)) * Math.cos(rad(job.lat)) * Math.sin(rad(job.lng - pos.lng) / 2) ** 2;
    const km = 2 * 6371 * Math.asin(Math.sqrt(h)) * 1.3;
    return new Date(at.getTime() + Math.max(5, Math.round((km / 25) * 60)) * 60_000);
  }
  return new Date(at.getTime() + DEFAULT_TRAVEL_MINUTES * 60_000);
}

/**
 * SMS at the moments a citizen cares about, queued through the SMS outbox inside the job's
 * own transaction (so a rolled-back change sends nothing): courier on the way (with an
 * ETA), dossier submitted (with the agency's dossier code), result delivered, failed
 * attempt (with the reason from the fixed list and the new appointment when one is set).
 * "Job created" is sent by the call desk. Opt-outs are honoured by queueSms.
 */
export function registerNotificationHooks(opts: { publicBaseUrl: string }): void {
  const trackingUrl = (job: JobRow) => `${opts.publicBaseUrl}/tra-cuu/${job.code}`;
  registerJobHook('notifications', {
    transitioned: async (tx, job, event) => {
      const to = event.toStatus;
      if (!to || !['en_route', 'submitted', 'delivered', 'failed_attempt'].includes(to)) return;
      const citizen = await citizenOf(tx, job);
      if (!citizen) return;
      const base = { to: citizen.phone, jobId: job.id, citizenId: citizen.id };
      if (to === 'en_route') {
        const [courier] = job.courierId
          ? await tx
              .select({ fullName: users.fullName })
              .from(users)
              .where(eq(users.id, job.courierId))
              .limit(1)
          : [];
        const eta = await etaFor(tx, job, event.occurredAt);
        await queueSms(tx, {
          ...base,
          template: 'courier_en_route',
          vars: {
            courierName: givenName(courier?.fullName ?? null) ?? '',
            code: job.code,
            eta: formatVnDateTime(eta).slice(0, 5),
            trackingUrl: trackingUrl(job),
          },
        });
      } else if (to === 'submitted') {
        const [proc] = job.procedureId
          ? await tx
              .select({ agency: procedures.agency })
              .from(procedures)
              .where(eq(procedures.id, job.procedureId))
              .limit(1)
          : [];
        await queueSms(tx, {
          ...base,
          template: 'dossier_submitted',
          vars: {
            code: job.code,
            agency: proc?.agency ?? 'bộ phận một cửa',
            dossierCode: job.dossierCode ?? '',
            trackingUrl: trackingUrl(job),
          },
        });
      } else if (to === 'delivered') {
        await queueSms(tx, {
          ...base,
          template: 'result_delivered',
          vars: { code: job.code, trackingUrl: trackingUrl(job) },
        });
      } else {
        await queueSms(tx, {
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
        });
      }
    },
  });
}
