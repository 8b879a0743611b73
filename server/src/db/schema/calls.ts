import { boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref, timestamps } from './columns';
import { citizens } from './citizens';
import { procedures } from './procedures';
import { units } from './units';
import { users } from './users';

/** The 1022 call log. */
export const calls = pgTable(
  'calls',
  {
    id: idColumn(),
    /** Readable ticket code, e.g. 1022-261122-0007 */
    ticketCode: text('ticket_code').notNull().unique(),
    /** inbound | outbound | callback */
    direction: text('direction').notNull(),
    callerPhone: text('caller_phone').notNull(),
    /** Name and address as the caller gave them (Decree 20/2008 for feedback by phone). */
    callerName: text('caller_name'),
    callerAddress: text('caller_address'),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    operatorId: uuid('operator_id').references(() => users.id),
    unitId: ref('unit_id', () => units.id),
    startedAt: tzNow('started_at'),
    answeredAt: tz('answered_at'),
    endedAt: tz('ended_at'),
    durationSeconds: integer('duration_seconds'),
    twilioCallSid: text('twilio_call_sid').unique(),
    /** Last status Twilio reported (ringing, in-progress, completed, no-answer, busy, failed, canceled). */
    twilioStatus: text('twilio_status'),
    recordingUrl: text('recording_url'),
    /** Came in outside office hours (voicemail). */
    outOfHours: boolean('out_of_hours').notNull().default(false),
    /** procedure_question | status_lookup | pickup_request | delivery_request | feedback | other */
    category: text('category'),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    content: text('content'),
    /** answered | job_created | callback_scheduled | forwarded | missed */
    outcome: text('outcome'),
    /** The job created from this call (jobs.call_id points back). */
    jobId: uuid('job_id'),
    forwardedUnitId: uuid('forwarded_unit_id').references(() => units.id),
    feedbackDueDate: date('feedback_due_date', { mode: 'string' }),
    answer: text('answer'),
    answeredFeedbackAt: tz('answered_feedback_at'),
    published: boolean('published').notNull().default(false),
    closedAt: tz('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    /** Optimistic concurrency: every write bumps it. */
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('calls_unit_started_idx').on(t.unitId, t.startedAt),
    index('calls_phone_idx').on(t.callerPhone),
    index('calls_operator_idx').on(t.operatorId, t.startedAt),
    index('calls_citizen_idx').on(t.citizenId, t.startedAt),
    index('calls_feedback_due_idx').on(t.feedbackDueDate),
  ],
);

/**
 * Callbacks owed to citizens: scheduled by an operator, or created automatically for calls
 * that rang out or came out of hours.
 */
export const callCallbacks = pgTable(
  'call_callbacks',
  {
    id: idColumn(),
    callId: ref('call_id', () => calls.id),
    unitId: ref('unit_id', () => units.id),
    phone: text('phone').notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    /** Who should call back; null = anyone at the unit. */
    assignedTo: uuid('assigned_to').references(() => users.id),
    dueAt: tz('due_at').notNull(),
    /** missed | dismissed | abandoned | out_of_hours | voicemail | requested */
    reason: text('reason').notNull(),
    note: text('note'),
    /** open | done | cancelled */
    status: text('status').notNull().default('open'),
    doneAt: tz('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    /** The outbound call that settled it. */
    resultCallId: uuid('result_call_id').references(() => calls.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tzNow('created_at'),
  },
  (t) => [
    index('call_callbacks_unit_status_due_idx').on(t.unitId, t.status, t.dueAt),
    index('call_callbacks_call_idx').on(t.callId),
  ],
);
