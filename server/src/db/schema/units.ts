import { index, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { idColumn, latLng, timestamps, foldIndex } from './columns';

/** Post offices and service centres, as a tree: a user sees their unit and those below it. */
export const units = pgTable(
  'units',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** province_office | post_office | service_centre */
    kind: text('kind').notNull().default('post_office'),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    address: text('address').notNull().default(''),
    /** Administrative ward/commune code (after the 2025 reform) where the unit sits. */
    wardCode: text('ward_code'),
    ...latLng(),
    phone: text('phone'),
    ...timestamps(),
  },
  (t) => [index('units_parent_idx').on(t.parentId), foldIndex('units_name_fold_idx', t.name)],
);
