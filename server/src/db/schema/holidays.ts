import { date, pgTable, text } from 'drizzle-orm/pg-core';
import { tzNow } from './columns';

/** The working-day calendar as data: public holidays and swapped working days. */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** holiday | working_day (a weekend day worked in exchange for a bridge day) */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  createdAt: tzNow('created_at'),
});
