import { formatVnDate, toVnDate, vnDateTimeParts, type Job } from '@tannha/shared';

/** Today's date in Vietnam (`YYYY-MM-DD`), whatever the phone's time zone. */
export function vnToday(now: Date = new Date()): string {
  return toVnDate(now);
}

/** The day of the job's appointment in Vietnam, or null when no time was agreed. */
export function appointmentDay(job: Pick<Job, 'windowStart'>): string | null {
  return job.windowStart ? toVnDate(new Date(job.windowStart)) : null;
}

/** Whether the appointment is on a later day than `today` (the job is not for today). */
export function isUpcoming(job: Pick<Job, 'windowStart'>, today: string): boolean {
  const day = appointmentDay(job);
  return day !== null && day > today;
}

/**
 * The courier's open jobs split by day: `today` holds those booked for today, for an earlier
 * day (still to do) or with no appointment; `upcoming` those booked for a later day, soonest
 * first.
 */
export function splitByDay<J extends Pick<Job, 'windowStart'>>(
  jobs: J[],
  today: string,
): { today: J[]; upcoming: J[] } {
  const upcoming = jobs
    .filter((j) => isUpcoming(j, today))
    .sort((a, b) => Date.parse(a.windowStart!) - Date.parse(b.windowStart!));
  return { today: jobs.filter((j) => !isUpcoming(j, today)), upcoming };
}

/** Jobs the courier finished today (completed, or returned to the agency), latest first. */
export function finishedOn<J extends Pick<Job, 'completedAt' | 'statusChangedAt' | 'status'>>(
  jobs: J[],
  today: string,
): J[] {
  return jobs
    .filter((j) => toVnDate(new Date(j.completedAt ?? j.statusChangedAt)) === today)
    .sort(
      (a, b) =>
        Date.parse(b.completedAt ?? b.statusChangedAt) -
        Date.parse(a.completedAt ?? a.statusChangedAt),
    );
}

/** HH:mm in Vietnam. */
export function timeOf(iso: string): string {
  const p = vnDateTimeParts(new Date(iso));
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** The pieces of an appointment for a sentence: times, and the date when it is not today. */
export type WindowParts =
  { kind: 'none' } | { kind: 'time'; from: string; to: string | null; date: string | null };

/** What to say about the job's appointment, seen from `today`. */
export function windowParts(
  job: Pick<Job, 'windowStart' | 'windowEnd'>,
  today: string,
): WindowParts {
  if (!job.windowStart) return { kind: 'none' };
  const day = appointmentDay(job)!;
  return {
    kind: 'time',
    from: timeOf(job.windowStart),
    to: job.windowEnd ? timeOf(job.windowEnd) : null,
    date: day === today ? null : formatVnDate(day),
  };
}
