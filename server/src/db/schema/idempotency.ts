import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tzNow } from './columns';
import { users } from './users';

/**
 * Stored answers for `Idempotency-Key` requests: the same user, scope and key replays the
 * first answer instead of doing the work twice. The primary key makes concurrent
 * duplicates wait for the first and then replay it.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the key was used for, e.g. `job-transition:<jobId>`. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the request body, to refuse the same key with a different request. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body'),
    createdAt: tzNow('created_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope, t.key] })],
);
