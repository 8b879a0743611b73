import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tzNow, ref } from './columns';
import { sql } from 'drizzle-orm';
import { jobs } from './jobs';
import { units } from './units';
import { users } from './users';

/** A citizen's rating of a finished job: once per job, 1–5 stars and an optional comment. */
export const ratings = pgTable(
  'ratings',
  {
    id: idColumn(),
    jobId: ref('job_id', () => jobs.id),
    /** Copied from the job when rated, so reports need no join to jobs. */
    unitId: ref('unit_id', () => units.id),
    courierId: uuid('courier_id').references(() => users.id),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    createdAt: tzNow('created_at'),
  },
  (t) => [
    uniqueIndex('ratings_job_uq').on(t.jobId),
    index('ratings_unit_created_idx').on(t.unitId, t.createdAt),
    index('ratings_courier_idx').on(t.courierId),
    // The dashboard's latest ratings: read backwards from the range's end.
    index('ratings_created_idx').on(t.createdAt),
    check('ratings_stars_range', sql`${t.stars} between 1 and 5`),
  ],
);
