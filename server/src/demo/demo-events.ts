import { toVnDate, vnStartOfDay } from '@tannha/shared';
import type { jobEvents } from '../db/schema';

type NewJobEvent = typeof jobEvents.$inferInsert;

/**
 * A demo job's first event: created at `at` by `actorId` and recorded at once (demo data has
 * no phone that was offline).
 */
export function createdEvent(jobId: string, actorId: string | null, at: Date): NewJobEvent {
  return { jobId, kind: 'created', toStatus: 'new', actorId, occurredAt: at, recordedAt: at };
}

/**
 * The moments of what already happened this morning in the demo data: hour `h` of today in
 * Vietnam, or, when that hour has not come yet (a start just after midnight), the same moments
 * squeezed in order into the part of today that has passed. Nothing is dated after `now`: a
 * courier's action dated before its job was created is refused.
 */
export function morningOf(now: Date, lastHour: number): (h: number) => Date {
  const base = vnStartOfDay(toVnDate(now)).getTime();
  const passed = now.getTime() - 60_000 - base;
  const scale = Math.max(0, Math.min(1, passed / (lastHour * 3600_000)));
  return (h) => new Date(base + h * 3600_000 * scale);
}
