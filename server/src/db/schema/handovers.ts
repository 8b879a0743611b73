import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref, latLng } from './columns';
import { documents } from './documents';
import { jobs } from './jobs';
import { units } from './units';
import { users } from './users';

/** One paper on a dossier slip: what it is, original or copy, and whether the citizen had it. */
export type SlipPaper = { name: string; copy: 'original' | 'copy'; present: boolean };

/**
 * The dossier slip (phiếu gửi hồ sơ) of a pickup: one per job, numbered gapless per unit and
 * year, signed by the citizen and the courier at the door. Once the dossier is handed to the
 * agency, `filedAt` holds the legal filing time (the signing time of the handover record).
 */
export const dossierSlips = pgTable(
  'dossier_slips',
  {
    id: idColumn(),
    jobId: ref('job_id', () => jobs.id).unique(),
    unitId: ref('unit_id', () => units.id),
    slipYear: integer('slip_year').notNull(),
    slipSeq: integer('slip_seq').notNull(),
    /** Printed number, e.g. DNI-BH-TB/2026/PG-000012 */
    slipNo: text('slip_no').notNull(),
    papers: jsonb('papers').$type<SlipPaper[]>().notNull().default([]),
    /** Papers on the procedure's list that the citizen did not have. */
    missing: jsonb('missing').$type<string[]>().notNull().default([]),
    /** Whether the dossier was complete when picked up. */
    complete: boolean('complete').notNull(),
    citizenSignatureId: uuid('citizen_signature_id').references(() => documents.id),
    courierSignatureId: uuid('courier_signature_id').references(() => documents.id),
    createdBy: ref('created_by', () => users.id),
    idempotencyKey: text('idempotency_key'),
    occurredAt: tzNow('occurred_at'),
    recordedAt: tzNow('recorded_at'),
    ...latLng(),
    /** Set by the agency handover: the legal filing time. */
    filedAt: tz('filed_at'),
    agencyHandoverId: uuid('agency_handover_id'),
    /** From the appointment slip the counter gives back. */
    dossierCode: text('dossier_code'),
    resultDueDate: date('result_due_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('dossier_slips_no_uq').on(t.unitId, t.slipYear, t.slipSeq)],
);

/**
 * A handover of several dossiers to the agency's counter (biên bản giao nhận). Its signing
 * time is the legal filing time of every dossier in it.
 */
export const agencyHandovers = pgTable(
  'agency_handovers',
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
    /** The legal filing time. */
    signedAt: tz('signed_at').notNull(),
    recordedAt: tzNow('recorded_at'),
    ...latLng(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('agency_handovers_no_uq').on(t.unitId, t.recordYear, t.recordSeq),
    uniqueIndex('agency_handovers_idem_uq').on(t.courierId, t.idempotencyKey),
  ],
);

/** One dossier in an agency handover, with its slip number and whether it is complete. */
export const agencyHandoverItems = pgTable(
  'agency_handover_items',
  {
    handoverId: ref('handover_id', () => agencyHandovers.id),
    jobId: ref('job_id', () => jobs.id),
    slipNo: text('slip_no').notNull(),
    complete: boolean('complete').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('agency_handover_items_job_uq').on(t.jobId),
    index('agency_handover_items_h_idx').on(t.handoverId),
  ],
);

/**
 * The handover of a result at the door: who received it (applicant or proxy), the ID shown
 * (only a hash and the last 4 digits are kept), signature, photo and papers taken back.
 */
export const deliveryHandovers = pgTable(
  'delivery_handovers',
  {
    id: idColumn(),
    jobId: ref('job_id', () => jobs.id),
    courierId: ref('courier_id', () => users.id),
    /** applicant | proxy */
    recipientKind: text('recipient_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    proxyRelation: text('proxy_relation'),
    /** cccd | cmnd | passport */
    idType: text('id_type').notNull(),
    idHash: text('id_hash').notNull(),
    idLast4: text('id_last4').notNull(),
    /** Whether the number typed matched the one on file (null when none was on file). */
    idMatchesFile: boolean('id_matches_file'),
    signatureId: uuid('signature_id').references(() => documents.id),
    photoId: uuid('photo_id').references(() => documents.id),
    authorisationId: uuid('authorisation_id').references(() => documents.id),
    papersTakenBack: jsonb('papers_taken_back').$type<string[]>().notNull().default([]),
    idempotencyKey: text('idempotency_key'),
    occurredAt: tzNow('occurred_at'),
    recordedAt: tzNow('recorded_at'),
    ...latLng(),
  },
  (t) => [
    index('delivery_handovers_job_idx').on(t.jobId),
    uniqueIndex('delivery_handovers_idem_uq').on(t.courierId, t.idempotencyKey),
  ],
);
