import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { tz } from './columns';
import { jobs } from './jobs';

/** The local day and the unit a daily rollup row counts for. */
const dayOfUnit = () => ({ day: date('day').notNull(), unitId: uuid('unit_id').notNull() });
/** One breakdown of a rollup: the dimension (`all`, `type`, …) and its key ('' for `all`). */
const dimKey = () => ({ dim: text('dim').notNull(), key: text('key').notNull() });
/** A running count of a rollup row (starts at 0). */
const count = (name: string) => integer(name).notNull().default(0);
/** A running sum of a rollup row (seconds, kilometres; starts at 0). */
const total = (name: string) => doublePrecision(name).notNull().default(0);

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
    createdAt: tz('created_at').notNull(),
    /** When the citizen's call started, or the job's creation for jobs not made from a call. */
    startedAt: tz('started_at').notNull(),
    assignedAt: tz('assigned_at'),
    /** Dossier taken at the door (home assistance, fee collection) or result taken at the agency (delivery). */
    pickupAt: tz('pickup_at'),
    /** Dossier submitted at the counter or result delivered at the door. */
    handedAt: tz('handed_at'),
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

/*
 * Daily rollups behind the manager dashboard. A province's month is ~100k jobs and ~200k
 * calls; the dashboard sums a few thousand of these rows instead. They are kept in step by
 * row triggers on the source tables (migration 0009), inside the writing transaction, so
 * every write path (job engine, imports, seeds, fixtures) counts; bulk loaders may disable
 * the triggers (`alter table … disable trigger user`) and rebuild set-based afterwards with
 * `report_rollups_rebuild()` (modules/reports/report-rollups.repository.ts). `day` is the local
 * (Vietnam) date.
 */

/**
 * Jobs by the local day they were created, once per dimension: `all` (key ''), `type`,
 * `status`, `procedure` (id or ''), `courier` (id or ''), and `completed_on` (the local
 * completion date). `on_time`/`late` count completed jobs against their due date; open jobs
 * past due depend on today and are counted live.
 */
export const reportJobDays = pgTable(
  'report_job_days',
  {
    ...dayOfUnit(),
    ...dimKey(),
    n: count('n'),
    done: count('done'),
    onTime: count('on_time'),
    late: count('late'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.dim, t.key] })],
);

/** Calls by the local day they started: `all`, `category`, `outcome`, `hour` (local, 0–23). */
export const reportCallDays = pgTable(
  'report_call_days',
  {
    ...dayOfUnit(),
    ...dimKey(),
    n: count('n'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.dim, t.key] })],
);

/** Ledger entries by the local day they happened, method, flow and whether confirmed. */
export const reportMoneyDays = pgTable(
  'report_money_days',
  {
    ...dayOfUnit(),
    method: text('method').notNull(),
    flow: text('flow').notNull(),
    confirmed: boolean('confirmed').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull().default(0),
    n: count('n'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.method, t.flow, t.confirmed] })],
);

/** Ratings by the local day given, courier (id or '') and stars. */
export const reportRatingDays = pgTable(
  'report_rating_days',
  {
    ...dayOfUnit(),
    courierKey: text('courier_key').notNull(),
    stars: smallint('stars').notNull(),
    n: count('n'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId, t.courierKey, t.stars] })],
);

/**
 * Leg times of the jobs created on a local day (from job_milestones): how many jobs reached
 * each leg's end and the sum of their seconds, so averages over any range are exact.
 */
export const reportLegDays = pgTable(
  'report_leg_days',
  {
    ...dayOfUnit(),
    n1: count('n1'),
    s1: total('s1'),
    n2: count('n2'),
    s2: total('s2'),
    n3: count('n3'),
    s3: total('s3'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId] })],
);

/**
 * A courier's straight-line distance on a local day: from the post office of each job's unit
 * to the first completed job, then job to job in completion order. Recomputed for that
 * courier and day whenever one of their jobs is completed (or stops being).
 */
export const reportCourierDays = pgTable(
  'report_courier_days',
  {
    courierId: uuid('courier_id').notNull(),
    day: date('day').notNull(),
    km: total('km'),
    stops: count('stops'),
  },
  (t) => [
    primaryKey({ columns: [t.courierId, t.day] }),
    index('report_courier_days_day_idx').on(t.day),
  ],
);
