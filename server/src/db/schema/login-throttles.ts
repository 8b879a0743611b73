import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tz, tzNow } from './columns';

/**
 * Failed sign-ins per username and client address. Keyed by both, so guesses from one
 * address slow that address down and never lock the account's owner out elsewhere; kept in
 * the database so every node of a deployment sees the same count. The username need not
 * exist (unknown and real names are throttled alike).
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    /** Lower-cased, as typed. */
    username: text('username').notNull(),
    address: text('address').notNull(),
    /** Attempts since the last success from this address (the one in flight included). */
    failures: integer('failures').notNull().default(0),
    /** The next attempt from this address for this username is refused before this. */
    nextAllowedAt: tz('next_allowed_at').notNull().defaultNow(),
    updatedAt: tzNow('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.username, t.address] }),
    index('login_throttles_updated_idx').on(t.updatedAt),
  ],
);
