import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { foldIndex, tzNow } from './columns';

/**
 * The columns a province and a ward share: its names, its kind (e.g. "Thành phố", "Tỉnh";
 * "Phường", "Xã", "Đặc khu") and the date the imported list took effect.
 */
const placeColumns = () => ({
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  nameEn: text('name_en'),
  kind: text('kind').notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  updatedAt: tzNow('updated_at'),
});

/**
 * Administrative units after the 2025 reform: provinces / centrally-run cities and the
 * wards / communes under them (no districts). Units change, so they are data imported
 * from a file, each row with the date the imported list took effect.
 */
export const adminProvinces = pgTable(
  'admin_provinces',
  {
    code: text('code').primaryKey(),
    ...placeColumns(),
  },
  (t) => [foldIndex('admin_provinces_name_fold_idx', t.name)],
);

export const adminWards = pgTable(
  'admin_wards',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => adminProvinces.code),
    ...placeColumns(),
  },
  (t) => [
    index('admin_wards_province_idx').on(t.provinceCode),
    foldIndex('admin_wards_name_fold_idx', t.name),
  ],
);
