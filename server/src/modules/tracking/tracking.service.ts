import { arrivalMinutes, phoneLast4, type TrackingView } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, type Locale } from '../../lib/errors';
import { findRatingByJob, rateJob } from '../ratings/ratings.service';
import { findTimeline, findTrackedJob, type TrackedJob } from './tracking.repository';
import {
  citizenFailureText,
  citizenHeadline,
  citizenResultNote,
  citizenStatusText,
  givenName,
  jobTypeText,
  postalDeadlineText,
} from './tracking-labels';

export { postalDeadlineText } from './tracking-labels';

/** Same answer for an unknown code and for a wrong code + phone pair, so neither can be probed. */
const trackingNotFound = () =>
  new AppError(404, 'tracking_not_found', {
    vi: 'Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này. Vui lòng kiểm tra lại mã trên biên nhận hoặc tin nhắn.',
    en: 'No job matches this code and these last 4 phone digits. Please check the code on your receipt or SMS.',
  });

/** A courier position older than this says nothing about the arrival time. */
const POSITION_MAX_AGE_MS = 15 * 60_000;

async function provenJob(db: Db, code: string, last4: string): Promise<TrackedJob> {
  const job = await findTrackedJob(db, code);
  if (!job || phoneLast4(job.citizen_phone) !== last4) throw trackingNotFound();
  return job;
}

/** Arrival estimate from the courier's last fresh position, only while the courier is on the way. */
function estimateArrival(job: TrackedJob, now: Date): Date | null {
  if (job.status !== 'en_route' || job.lat === null || job.lng === null) return null;
  if (job.courier_lat === null || job.courier_lng === null || !job.courier_at) return null;
  if (now.getTime() - new Date(job.courier_at).getTime() > POSITION_MAX_AGE_MS) return null;
  const minutes = arrivalMinutes(
    { lat: job.courier_lat, lng: job.courier_lng },
    { lat: job.lat, lng: job.lng },
  );
  return new Date(now.getTime() + minutes * 60_000);
}

/**
 * The public view of a job for whoever holds its code and the last four digits of the
 * citizen's phone. Built field by field so nothing personal can slip in with a new column.
 */
export async function trackJob(
  db: Db,
  code: string,
  last4: string,
  locale: Locale,
  now = new Date(),
): Promise<TrackingView> {
  const job = await provenJob(db, code, last4);
  const [events, rating] = await Promise.all([
    findTimeline(db, job.id),
    findRatingByJob(db, job.id),
  ]);
  const eta = estimateArrival(job, now);
  const facts = {
    status: job.status,
    type: job.type,
    filedAt: job.filed_at ? new Date(job.filed_at) : null,
    resultDate: job.result_date,
  };
  return {
    code: job.code,
    type: job.type,
    typeLabel: jobTypeText(job.type, locale),
    status: job.status,
    statusLabel: citizenHeadline(facts, locale),
    resultNote: citizenResultNote(facts, locale),
    resultDate: job.result_date,
    procedureName: job.procedure_name,
    unitName: job.unit_name,
    dossierCode: job.dossier_code,
    dueDate: job.due_date,
    dueLabel: postalDeadlineText(job.type, locale),
    window: job.window_start
      ? {
          start: new Date(job.window_start).toISOString(),
          end: job.window_end ? new Date(job.window_end).toISOString() : null,
        }
      : null,
    courierFirstName: job.courier_id ? givenName(job.courier_name) : null,
    eta: eta ? eta.toISOString() : null,
    timeline: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      status: e.to_status,
      label: citizenStatusText(e.to_status, job.type, locale),
      detail: e.to_status === 'failed_attempt' ? citizenFailureText(e.reason, locale) : null,
    })),
    canRate: job.status === 'completed' && !rating,
    rating: rating
      ? {
          stars: rating.stars,
          comment: rating.comment,
          createdAt: new Date(rating.created_at).toISOString(),
        }
      : null,
  };
}

/** A citizen rates a completed job with the same proof as the look-up. */
export async function rateTrackedJob(
  db: Db,
  code: string,
  input: { phone: string; stars: number; comment?: string | undefined },
) {
  const job = await provenJob(db, code, input.phone);
  const row = await rateJob(
    db,
    { id: job.id, status: job.status, unitId: job.unit_id, courierId: job.courier_id },
    input,
  );
  return { stars: row.stars, comment: row.comment, createdAt: row.createdAt.toISOString() };
}
