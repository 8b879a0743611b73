import { bigint, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref, latLng } from './columns';
import { jobs } from './jobs';
import { units } from './units';
import { users } from './users';

/**
 * Files attached to a job: scans of the papers, photos, signatures, authorisation letters,
 * the sealed result and the handover photo. The bytes live in the storage backend (local disk
 * or S3-compatible) under `storageKey`; the row says what they are, who took them, when and
 * where. Type and size were checked by content on upload.
 */
export const documents = pgTable(
  'documents',
  {
    id: idColumn(),
    jobId: ref('job_id', () => jobs.id),
    unitId: ref('unit_id', () => units.id),
    /** scan | photo | signature | authorisation_letter | sealed_result | handover_photo */
    kind: text('kind').notNull(),
    /** image/jpeg | image/png | application/pdf — from the file's first bytes, never its name. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Order of a scanned page within the job's scans (the phone lets the courier reorder). */
    pageOrder: integer('page_order').notNull().default(0),
    /** Who signed (for signatures): citizen | courier | recipient | clerk. */
    signer: text('signer'),
    note: text('note'),
    uploadedBy: ref('uploaded_by', () => users.id),
    idempotencyKey: text('idempotency_key'),
    /** When the photo was taken / the paper signed (may be well before it arrived, offline). */
    occurredAt: tzNow('occurred_at'),
    recordedAt: tzNow('recorded_at'),
    ...latLng(),
    /** Removed by the courier (a bad page); kept for the record, hidden from lists and bundles. */
    deletedAt: tz('deleted_at'),
  },
  (t) => [
    index('documents_job_idx').on(t.jobId, t.kind, t.pageOrder),
    uniqueIndex('documents_idem_uq').on(t.uploadedBy, t.idempotencyKey),
  ],
);
