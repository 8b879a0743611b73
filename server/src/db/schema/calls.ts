import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizens';
import { procedures } from './procedures';
import { units } from './units';
import { users } from './users';

/** The 1022 call log. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Readable ticket code, e.g. 1022-261122-0007 */
    ticketCode: text('ticket_code').notNull().unique(),
    /** inbound | outbound | callback */
    direction: text('direction').notNull(),
    callerPhone: text('caller_phone').notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    operatorId: uuid('operator_id').references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    twilioCallSid: text('twilio_call_sid').unique(),
    recordingUrl: text('recording_url'),
    /** procedure_question | status_lookup | pickup_request | delivery_request | feedback | other */
    category: text('category'),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    content: text('content'),
    /** answered | job_created | callback_scheduled | forwarded | missed */
    outcome: text('outcome'),
    forwardedUnitId: uuid('forwarded_unit_id').references(() => units.id),
    feedbackDueDate: date('feedback_due_date', { mode: 'string' }),
    answer: text('answer'),
    published: boolean('published').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calls_unit_started_idx').on(t.unitId, t.startedAt),
    index('calls_phone_idx').on(t.callerPhone),
    index('calls_operator_idx').on(t.operatorId, t.startedAt),
  ],
);
