import { bigint, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tzNow } from './columns';

/** Key/value settings the admin edits (postal-leg limits, feedback due days, …). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tzNow('updated_at'),
});

/**
 * Gapless counters (job codes per day, receipt numbers per unit and year). A counter is
 * advanced with UPDATE … RETURNING inside the caller's transaction, so a rolled-back
 * transaction leaves no gap.
 */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});
