import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * A courier's duty status and last known position (one row per courier). The position
 * columns are written in batches from memory (see couriers/position-store.ts), so they can
 * lag the live value by about a second.
 */
export const courierStatus = pgTable('courier_status', {
  courierId: uuid('courier_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  onDuty: boolean('on_duty').notNull().default(false),
  onDutySince: timestamp('on_duty_since', { withTimezone: true }),
  /** Local time (HH:mm, Asia/Ho_Chi_Minh) the current shift ends. */
  shiftEnd: text('shift_end'),
  lastLat: doublePrecision('last_lat'),
  lastLng: doublePrecision('last_lng'),
  lastAccuracy: doublePrecision('last_accuracy'),
  /** When the phone took the last position. */
  lastAt: timestamp('last_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Breadcrumb trail of courier positions; rows older than the retention are deleted by a periodic task. */
export const courierPositions = pgTable(
  'courier_positions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    courierId: uuid('courier_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    accuracy: doublePrecision('accuracy'),
    /** When the phone took it. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Speed from the previous fix, km/h (null for the first). */
    speedKmh: doublePrecision('speed_kmh'),
    /** Implausible (too fast): kept for the record, never used as the last position. */
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [
    index('courier_positions_courier_at_idx').on(t.courierId, t.at),
    index('courier_positions_at_idx').on(t.at),
  ],
);
