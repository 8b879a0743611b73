import { sql } from 'drizzle-orm';
import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { tzNow } from './columns';

/**
 * Administrative units after the 2025 reform: provinces / centrally-run cities and the
 * wards / communes under them (no districts). Units change, so they are data imported
 * from a file, each row with the date the imported list took effect.
 */
export const adminProvinces = pgTable(
  'admin_provinces',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    /** e.g. "Thành phố", "Tỉnh" */
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    updatedAt: tzNow('updated_at'),
  },
  (t) => [
    index('admin_provinces_name_fold_idx').using('gin', sql`vn_fold(${t.name}) gin_trgm_ops`),
  ],
);

export const adminWards = pgTable(
  'admin_wards',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => adminProvinces.code),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    /** e.g. "Phường", "Xã", "Đặc khu" */
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    updatedAt: tzNow('updated_at'),
  },
  (t) => [
    index('admin_wards_province_idx').on(t.provinceCode),
    index('admin_wards_name_fold_idx').using('gin', sql`vn_fold(${t.name}) gin_trgm_ops`),
  ],
);
