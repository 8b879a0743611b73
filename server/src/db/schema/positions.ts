import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { tz, tzNow } from './columns';
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
  onDutySince: tz('on_duty_since'),
  /** Local time (HH:mm, Asia/Ho_Chi_Minh) the current shift ends. */
  shiftEnd: text('shift_end'),
  lastLat: doublePrecision('last_lat'),
  lastLng: doublePrecision('last_lng'),
  lastAccuracy: doublePrecision('last_accuracy'),
  /** When the phone took the last position. */
  lastAt: tz('last_at'),
  updatedAt: tzNow('updated_at'),
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
    at: tz('at').notNull(),
    receivedAt: tzNow('received_at'),
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
