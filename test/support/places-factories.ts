import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/db/client';
import { adminProvinces, adminWards, unitServiceWards } from '../../server/src/db/schema';

/** A few real wards of Đồng Nai (province 75, after the 2025 reform) and one of Hồ Chí Minh City. */
export const WARDS = {
  tranBien: { code: '26041', name: 'Trấn Biên', fullName: 'Phường Trấn Biên', kind: 'Phường' },
  tamHiep: { code: '26017', name: 'Tam Hiệp', fullName: 'Phường Tam Hiệp', kind: 'Phường' },
  longBinh: { code: '26020', name: 'Long Bình', fullName: 'Phường Long Bình', kind: 'Phường' },
  bienHoa: { code: '26068', name: 'Biên Hoà', fullName: 'Phường Biên Hoà', kind: 'Phường' },
  xuanQue: { code: '26332', name: 'Xuân Quế', fullName: 'Xã Xuân Quế', kind: 'Xã' },
} as const;
/** A ward of another province (Hồ Chí Minh City, 79): never offered in Đồng Nai. */
export const OTHER_PROVINCE_WARD = {
  code: '26734',
  name: 'Bến Thành',
  fullName: 'Phường Bến Thành',
  kind: 'Phường',
};

/** Writes provinces 75 and 79 and the wards above (as the administrative units import would). */
export async function seedWards(db: Db): Promise<void> {
  const effectiveDate = '2025-07-01';
  await db
    .insert(adminProvinces)
    .values([
      {
        code: '75',
        name: 'Đồng Nai',
        fullName: 'Thành phố Đồng Nai',
        kind: 'Thành phố',
        effectiveDate,
      },
      {
        code: '79',
        name: 'Hồ Chí Minh',
        fullName: 'Thành phố Hồ Chí Minh',
        kind: 'Thành phố',
        effectiveDate,
      },
    ])
    .onConflictDoNothing();
  await db
    .insert(adminWards)
    .values([
      ...Object.values(WARDS).map((w) => ({ ...w, provinceCode: '75', effectiveDate })),
      { ...OTHER_PROVINCE_WARD, provinceCode: '79', effectiveDate },
    ])
    .onConflictDoNothing();
}

/** Makes `unitId` serve these wards (directly, as a fixture). */
export async function serveWards(db: Db, unitId: string, codes: string[]): Promise<void> {
  await db
    .insert(unitServiceWards)
    .values(codes.map((wardCode) => ({ wardCode, unitId })))
    .onConflictDoUpdate({ target: unitServiceWards.wardCode, set: { unitId } });
}

/** The wards an office serves, by code. */
export async function servedBy(db: Db, unitId: string): Promise<string[]> {
  const r = (await db.execute(
    sql`select ward_code from unit_service_wards where unit_id = ${unitId} order by ward_code`,
  )) as unknown as { rows: { ward_code: string }[] };
  return r.rows.map((x) => x.ward_code);
}
