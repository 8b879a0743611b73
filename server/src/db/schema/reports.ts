import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { jobs } from './jobs';

/**
 * When each job first reached the stages the dashboard times (call → assignment → pickup →
 * submitted/delivered): a per-job rollup of job_events, kept in step by the reports job
 * hook inside the job's own transaction and rebuilt set-based from job_events after bulk
 * loads (demo data, imports). The wide index lets the dashboard average the legs of a
 * month's jobs from the index alone instead of probing job_events once per job.
 */
export const jobMilestones = pgTable(
  'job_milestones',
  {
    jobId: uuid('job_id')
      .primaryKey()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    /** The job's creation time (the dashboard's range is on it). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the citizen's call started, or the job's creation for jobs not made from a call. */
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** Dossier taken at the door (home assistance, fee collection) or result taken at the agency (delivery). */
    pickupAt: timestamp('pickup_at', { withTimezone: true }),
    /** Dossier submitted at the counter or result delivered at the door. */
    handedAt: timestamp('handed_at', { withTimezone: true }),
  },
  (t) => [
    index('job_milestones_created_idx').on(
      t.createdAt,
      t.unitId,
      t.startedAt,
      t.assignedAt,
      t.pickupAt,
      t.handedAt,
    ),
  ],
);
