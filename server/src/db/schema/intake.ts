import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ref, tz, tzNow, latLng } from './columns';
import { adminWards } from './admin-units';
import { documents } from './documents';
import { jobs } from './jobs';
import { units } from './units';
import { users } from './users';

/**
 * A post office's service area: the wards/communes it serves. A ward belongs to one post
 * office at most; a job's post office follows from its ward.
 */
export const unitServiceWards = pgTable(
  'unit_service_wards',
  {
    wardCode: text('ward_code')
      .primaryKey()
      .references(() => adminWards.code),
    unitId: ref('unit_id', () => units.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tzNow('created_at'),
  },
  (t) => [index('unit_service_wards_unit_idx').on(t.unitId)],
);

/**
 * An API key the one-stop system of an agency uses to send results. Shown once when
 * created; only its SHA-256 is kept. Scoped to a unit and the units below it.
 */
export const intakeApiKeys = pgTable(
  'intake_api_keys',
  {
    id: idColumn(),
    /** The agency / system that holds it, e.g. "Trung tâm Phục vụ hành chính công tỉnh". */
    name: text('name').notNull(),
    /** The public part printed in lists and logs (e.g. `tn_ab12cd34`). */
    prefix: text('prefix').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    unitId: ref('unit_id', () => units.id),
    /** Requests allowed per minute. */
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(60),
    createdBy: ref('created_by', () => users.id),
    createdAt: tzNow('created_at'),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [index('intake_api_keys_unit_idx').on(t.unitId)],
);

/**
 * The intake API's rate limit per key: requests counted in a fixed one-minute window, kept in
 * the database so every app node counts the same requests.
 */
export const intakeRateWindows = pgTable('intake_rate_windows', {
  apiKeyId: uuid('api_key_id')
    .primaryKey()
    .references(() => intakeApiKeys.id),
  windowStart: tz('window_start').notNull(),
  count: integer('count').notNull().default(0),
});

/**
 * One intake of results: a file import or an API batch. Who, when, from what (file name and
 * SHA-256, or the key) and how many rows were created, updated, unchanged and refused.
 */
export const resultImports = pgTable(
  'result_imports',
  {
    id: idColumn(),
    /** file | api */
    source: text('source').notNull(),
    /** The importer's unit (the user's, or the key's). */
    unitId: ref('unit_id', () => units.id),
    createdBy: uuid('created_by').references(() => users.id),
    apiKeyId: uuid('api_key_id').references(() => intakeApiKeys.id),
    fileName: text('file_name'),
    fileSha256: text('file_sha256'),
    rowsTotal: integer('rows_total').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    /** Refused rows: line (or item index), dossier code and the problems. */
    problems: jsonb('problems').notNull().default([]),
    durationMs: integer('duration_ms'),
    createdAt: tzNow('created_at'),
  },
  (t) => [
    index('result_imports_unit_created_idx').on(t.unitId, t.createdAt),
    index('result_imports_sha_idx').on(t.fileSha256),
  ],
);

/**
 * A counter pickup of results (biên bản giao nhận kết quả): the courier collects a batch of
 * finished results at the agency; the agency's clerk signs. Numbered per unit and year.
 */
export const resultPickups = pgTable(
  'result_pickups',
  {
    id: idColumn(),
    unitId: ref('unit_id', () => units.id),
    courierId: ref('courier_id', () => users.id),
    recordYear: integer('record_year').notNull(),
    recordSeq: integer('record_seq').notNull(),
    recordNo: text('record_no').notNull(),
    agencyName: text('agency_name').notNull(),
    clerkName: text('clerk_name').notNull(),
    clerkSignatureId: uuid('clerk_signature_id').references(() => documents.id),
    /** Codes scanned that were not picked up, with why (unknown, other office, already picked up). */
    flagged: jsonb('flagged').notNull().default([]),
    signedAt: tz('signed_at').notNull(),
    recordedAt: tzNow('recorded_at'),
    ...latLng(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('result_pickups_no_uq').on(t.unitId, t.recordYear, t.recordSeq),
    uniqueIndex('result_pickups_idem_uq').on(t.courierId, t.idempotencyKey),
  ],
);

/** One result in a counter pickup. */
export const resultPickupItems = pgTable(
  'result_pickup_items',
  {
    pickupId: ref('pickup_id', () => resultPickups.id),
    jobId: ref('job_id', () => jobs.id),
    dossierCode: text('dossier_code').notNull(),
  },
  (t) => [
    uniqueIndex('result_pickup_items_job_uq').on(t.jobId),
    index('result_pickup_items_p_idx').on(t.pickupId),
  ],
);
