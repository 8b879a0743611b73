import { sql } from 'drizzle-orm';
import { doublePrecision, index, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Column builders every table repeats, so a table reads as what is particular to it. */

/** `id uuid primary key default gen_random_uuid()`. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

/** A timestamp with time zone (stored in UTC, shown in Asia/Ho_Chi_Minh). */
export const tz = (name: string) => timestamp(name, { withTimezone: true });

/** A required timestamp that defaults to now (`created_at`, `recorded_at`, …). */
export const tzNow = (name: string) => tz(name).notNull().defaultNow();

/** A required foreign key to another table's uuid id. */
export const ref = (name: string, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target);

/** Where something happened (both null when the phone had no fix). */
export const latLng = () => ({ lat: doublePrecision('lat'), lng: doublePrecision('lng') });

/** `created_at` and `updated_at`, both required and defaulting to now. */
export const timestamps = () => ({
  createdAt: tzNow('created_at'),
  updatedAt: tzNow('updated_at'),
});

/** The accent- and case-insensitive trigram index the name searches read (`vn_fold(column)`). */
export const foldIndex = (name: string, column: AnyPgColumn) =>
  index(name).using('gin', sql`vn_fold(${column}) gin_trgm_ops`);
