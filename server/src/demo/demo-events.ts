import type { jobEvents } from '../db/schema';

type NewJobEvent = typeof jobEvents.$inferInsert;

/**
 * A demo job's first event: created at `at` by `actorId` and recorded at once (demo data has
 * no phone that was offline).
 */
export function createdEvent(jobId: string, actorId: string | null, at: Date): NewJobEvent {
  return { jobId, kind: 'created', toStatus: 'new', actorId, occurredAt: at, recordedAt: at };
}
