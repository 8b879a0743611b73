import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow } from './columns';
import { citizens } from './citizens';
import { users } from './users';

/**
 * Durable SMS outbox (transactional outbox): a row is written in the same transaction as
 * the change it reports, and a background worker sends it. See sms.worker.ts for the
 * claim/lease/reconcile rules that keep a message from being sent twice.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: idColumn(),
    /** E.164 */
    toPhone: text('to_phone').notNull(),
    template: text('template').notNull(),
    body: text('body').notNull(),
    /** queued | sending | sent | delivered | failed | undelivered */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tzNow('next_attempt_at'),
    /** When a worker claimed the row for sending (the lease starts here). */
    claimedAt: tz('claimed_at'),
    /** Which worker instance holds the claim. */
    claimToken: text('claim_token'),
    /** Which transport sent it: twilio | console */
    transport: text('transport'),
    providerId: text('provider_id'),
    /** Last provider status (queued, sent, delivered, undelivered, failed). */
    providerStatus: text('provider_status'),
    error: text('error'),
    jobId: uuid('job_id'),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    callId: uuid('call_id'),
    createdAt: tzNow('created_at'),
    sentAt: tz('sent_at'),
    deliveredAt: tz('delivered_at'),
    updatedAt: tzNow('updated_at'),
  },
  (t) => [
    index('sms_outbox_status_next_idx').on(t.status, t.nextAttemptAt),
    index('sms_outbox_job_idx').on(t.jobId),
    index('sms_outbox_provider_idx').on(t.providerId),
    index('sms_outbox_created_idx').on(t.createdAt),
  ],
);

/** Admin-edited SMS texts; a row overrides the built-in default of the same key. */
export const smsTemplates = pgTable('sms_templates', {
  key: text('key').primaryKey(),
  body: text('body').notNull(),
  /** Variables the text may use, for the admin editor. */
  vars: jsonb('vars').$type<string[]>().notNull().default([]),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: tzNow('updated_at'),
});
