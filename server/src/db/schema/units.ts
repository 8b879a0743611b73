import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** Post offices and service centres, as a tree: a user sees their unit and those below it. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** province_office | post_office | service_centre */
    kind: text('kind').notNull().default('post_office'),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    address: text('address').notNull().default(''),
    /** Administrative ward/commune code (after the 2025 reform) where the unit sits. */
    wardCode: text('ward_code'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_name_fold_idx').using('gin', sql`vn_fold(${t.name}) gin_trgm_ops`),
  ],
);
