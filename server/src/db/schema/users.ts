import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tz, tzNow, ref, timestamps } from './columns';
import { units } from './units';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    /** Stored lower-case; logins compare lower-case. */
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    /** operator | dispatcher | courier | manager | admin */
    role: text('role').notNull(),
    unitId: ref('unit_id', () => units.id),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tz('locked_until'),
    lastLoginAt: tz('last_login_at'),
    ...timestamps(),
  },
  (t) => [index('users_unit_role_idx').on(t.unitId, t.role)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: tzNow('created_at'),
    lastSeenAt: tzNow('last_seen_at'),
    expiresAt: tz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
