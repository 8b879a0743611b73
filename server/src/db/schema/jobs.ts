import { sql } from 'drizzle-orm';
import { TERMINAL_STATUSES, type JobEventKind } from '@tannha/shared';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref, latLng, timestamps, foldIndex } from './columns';
import { citizens } from './citizens';
import { procedures } from './procedures';
import { units } from './units';
import { users } from './users';

/** A courier job: home assistance (pickup), result delivery or fee collection. */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    /** Readable code given to the citizen (SMS, receipt, tracking). */
    code: text('code').notNull().unique(),
    /** home_assistance | result_delivery | fee_collection */
    type: text('type').notNull(),
    status: text('status').notNull().default('new'),
    /** The state an on_hold job returns to. */
    heldFrom: text('held_from'),
    unitId: ref('unit_id', () => units.id),
    citizenId: ref('citizen_id', () => citizens.id),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    dossierCode: text('dossier_code'),
    addressText: text('address_text').notNull(),
    wardCode: text('ward_code'),
    ...latLng(),
    /** Where the position came from: pinned | geocoded | saved_address | imported (null: none). */
    locationSource: text('location_source'),
    /** Why the operator chose another post office than the one serving the ward. */
    unitOverrideReason: text('unit_override_reason'),
    /** The intake (file import or API batch) a result came in by. */
    importId: uuid('import_id'),
    /** The date the one-stop centre said the result is due/ready. */
    resultReadyDate: date('result_ready_date', { mode: 'string' }),
    /** Who pays the postal charge: citizen | agency. */
    postalChargePayer: text('postal_charge_payer').notNull().default('citizen'),
    windowStart: tz('window_start'),
    windowEnd: tz('window_end'),
    /** Local (Asia/Ho_Chi_Minh) date by which the job must be done, in working days. */
    dueDate: date('due_date', { mode: 'string' }),
    /** sameArea | province | majorCities | interProvince: picks the postal leg's time limit. */
    postalLegTier: text('postal_leg_tier').notNull().default('province'),
    /** J+n of the postal leg (J = the slip's date), set when the courier takes the package. */
    legDueDate: date('leg_due_date', { mode: 'string' }),
    priority: integer('priority').notNull().default(0),
    feeDueVnd: bigint('fee_due_vnd', { mode: 'number' }).notNull().default(0),
    postalChargeVnd: bigint('postal_charge_vnd', { mode: 'number' }).notNull().default(0),
    courierId: uuid('courier_id').references(() => users.id),
    /** Position in the courier's planned route for the day. */
    routeOrder: integer('route_order'),
    callId: uuid('call_id'),
    notes: text('notes'),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** Optimistic concurrency: every write bumps it. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
    assignedAt: tz('assigned_at'),
    /** When the job entered its current status (the late list's "since when"). */
    statusChangedAt: tzNow('status_changed_at'),
    completedAt: tz('completed_at'),
  },
  (t) => [
    index('jobs_unit_status_idx').on(t.unitId, t.status),
    index('jobs_courier_status_idx').on(t.courierId, t.status),
    // A courier's completed jobs of one day, in order (the dashboard's distance rollup).
    index('jobs_courier_completed_idx')
      .on(t.courierId, t.completedAt)
      .where(sql`${t.status} = 'completed'`),
    index('jobs_created_idx').on(t.createdAt),
    index('jobs_due_idx').on(t.dueDate),
    // Open jobs by due date: the late list and the dashboard's "past due" (a few thousand
    // rows among millions of finished ones). Same literal clause as reports.repository's isOpen.
    index('jobs_open_due_idx')
      .on(t.dueDate, t.createdAt)
      .where(
        sql`${t.status} not in ${sql.raw(`(${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`,
      ),
    index('jobs_citizen_idx').on(t.citizenId),
    // A dossier code enters once: one live result delivery per dossier.
    uniqueIndex('jobs_result_dossier_uq')
      .on(t.dossierCode)
      .where(
        sql`${t.type} = 'result_delivery' and ${t.dossierCode} is not null and ${t.status} <> 'cancelled'`,
      ),
    // Jobs with no position yet: the dispatcher's "to pin" list.
    index('jobs_unplaced_idx')
      .on(t.unitId, t.createdAt)
      .where(sql`${t.lat} is null`),
    foldIndex('jobs_address_fold_idx', t.addressText),
    index('jobs_code_fold_idx').using(
      'gin',
      sql`vn_fold(${t.code} || ' ' || coalesce(${t.dossierCode}, '')) gin_trgm_ops`,
    ),
  ],
);

/** Append-only: every state change, assignment and note on a job, with who, when and where. */
export const jobEvents = pgTable(
  'job_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: ref('job_id', () => jobs.id),
    /** When the server recorded it. */
    recordedAt: tzNow('recorded_at'),
    /** When it happened (a courier offline sends the real time later). */
    occurredAt: tzNow('occurred_at'),
    actorId: uuid('actor_id').references(() => users.id),
    /** transition | assign | unassign | note | created */
    kind: text('kind').$type<JobEventKind>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    ...latLng(),
    data: jsonb('data'),
  },
  (t) => [
    index('job_events_job_idx').on(t.jobId, t.id),
    index('job_events_occurred_idx').on(t.occurredAt),
  ],
);
