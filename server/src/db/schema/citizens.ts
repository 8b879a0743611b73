import { index, pgTable, text, uuid, boolean } from 'drizzle-orm/pg-core';
import { idColumn, tzNow, latLng, timestamps, foldIndex } from './columns';
import { units } from './units';

/** Callers and applicants. The CCCD is kept only as a hash plus its last four digits. */
export const citizens = pgTable(
  'citizens',
  {
    id: idColumn(),
    fullName: text('full_name').notNull(),
    /** E.164, e.g. +84912345678 */
    phone: text('phone').notNull(),
    email: text('email'),
    cccdHash: text('cccd_hash'),
    cccdLast4: text('cccd_last4'),
    /** The unit whose office holds this caller; set from the creating user's unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    smsOptOut: boolean('sms_opt_out').notNull().default(false),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [
    index('citizens_phone_idx').on(t.phone),
    index('citizens_unit_idx').on(t.unitId),
    foldIndex('citizens_name_fold_idx', t.fullName),
  ],
);

export const citizenAddresses = pgTable(
  'citizen_addresses',
  {
    id: idColumn(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    label: text('label'),
    addressText: text('address_text').notNull(),
    wardCode: text('ward_code'),
    ...latLng(),
    /** pinned | geocoded | saved_address | imported */
    locationSource: text('location_source'),
    createdAt: tzNow('created_at'),
  },
  (t) => [index('citizen_addresses_citizen_idx').on(t.citizenId)],
);
