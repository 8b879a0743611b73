import { sql } from 'drizzle-orm';
import { dueDate, toVnDate, type WorkingCalendar } from '@tannha/shared';
import { queryRows, type Tx } from '../db/client';
import { adminProvinces, adminWards, jobEvents, jobs, unitServiceWards } from '../db/schema';
import { nextJobSequence } from '../modules/jobs/jobs.service';
import { createdEvent, morningOf } from './demo-events';

/** Đồng Nai as the national list names it since 2026 (a centrally-run city, code 75). */
const PROVINCE = {
  code: '75',
  name: 'Đồng Nai',
  fullName: 'Thành phố Đồng Nai',
  nameEn: 'Dong Nai',
  kind: 'Thành phố',
};

type DemoWard = {
  code: string;
  name: string;
  nameEn: string;
  kind: 'Phường' | 'Xã';
  office: string;
};

/**
 * The wards and communes around Biên Hòa and Long Khánh with their real codes and names after
 * the 2025 reform (from the public list of administrative units), each served by one demo post
 * office. A deployment imports the full list (the admin's import, or
 * `modules/divisions/import-units.cli.ts`); these are enough to
 * pick a ward and see its office in the demo.
 */
export const DEMO_WARDS: DemoWard[] = [
  { code: '26041', name: 'Trấn Biên', nameEn: 'Tran Bien', kind: 'Phường', office: 'DNI-BH-TB' },
  { code: '26068', name: 'Biên Hoà', nameEn: 'Bien Hoa', kind: 'Phường', office: 'DNI-BH-TB' },
  { code: '26380', name: 'Long Hưng', nameEn: 'Long Hung', kind: 'Phường', office: 'DNI-BH-TB' },
  { code: '26017', name: 'Tam Hiệp', nameEn: 'Tam Hiep', kind: 'Phường', office: 'DNI-BH-TH' },
  { code: '26377', name: 'Phước Tân', nameEn: 'Phuoc Tan', kind: 'Phường', office: 'DNI-BH-TH' },
  { code: '26374', name: 'Tam Phước', nameEn: 'Tam Phuoc', kind: 'Phường', office: 'DNI-BH-TH' },
  { code: '26020', name: 'Long Bình', nameEn: 'Long Binh', kind: 'Phường', office: 'DNI-BH-LB' },
  { code: '26005', name: 'Hố Nai', nameEn: 'Ho Nai', kind: 'Phường', office: 'DNI-BH-LB' },
  { code: '26248', name: 'Trảng Bom', nameEn: 'Trang Bom', kind: 'Phường', office: 'DNI-BH-LB' },
  { code: '26383', name: 'An Phước', nameEn: 'An Phuoc', kind: 'Xã', office: 'DNI-BH-LB' },
  { code: '25993', name: 'Trảng Dài', nameEn: 'Trang Dai', kind: 'Phường', office: 'DNI-BH-TD' },
  { code: '26188', name: 'Tân Triều', nameEn: 'Tan Trieu', kind: 'Phường', office: 'DNI-BH-TD' },
  { code: '26170', name: 'Trị An', nameEn: 'Tri An', kind: 'Phường', office: 'DNI-BH-TD' },
  { code: '26080', name: 'Long Khánh', nameEn: 'Long Khanh', kind: 'Phường', office: 'DNI-LK-LK' },
  { code: '26098', name: 'Bảo Vinh', nameEn: 'Bao Vinh', kind: 'Phường', office: 'DNI-LK-LK' },
  { code: '26104', name: 'Xuân Lập', nameEn: 'Xuan Lap', kind: 'Phường', office: 'DNI-LK-LK' },
  { code: '26113', name: 'Hàng Gòn', nameEn: 'Hang Gon', kind: 'Phường', office: 'DNI-LK-LK' },
  { code: '26089', name: 'Bình Lộc', nameEn: 'Binh Loc', kind: 'Phường', office: 'DNI-LK-BL' },
  { code: '26425', name: 'Xuân Lộc', nameEn: 'Xuan Loc', kind: 'Phường', office: 'DNI-LK-BL' },
  { code: '26326', name: 'Dầu Giây', nameEn: 'Dau Giay', kind: 'Phường', office: 'DNI-LK-BL' },
  { code: '26332', name: 'Xuân Quế', nameEn: 'Xuan Que', kind: 'Xã', office: 'DNI-LK-BL' },
];

/** The ward each demo post office sits in (the demo's addresses name it). */
const HOME_WARD: Record<string, string> = {
  'DNI-BH-TB': '26041',
  'DNI-BH-TH': '26017',
  'DNI-BH-LB': '26020',
  'DNI-BH-TD': '25993',
  'DNI-LK-LK': '26080',
  'DNI-LK-BL': '26089',
};

/** New addresses nobody has pinned yet: the dispatcher's "to pin" list. */
const UNPLACED: { office: string; address: string; ward: string; hour: number }[] = [
  {
    office: 'DNI-BH-TB',
    address: '27/4 hẻm 12 Nguyễn Văn Trị, phường Trấn Biên, Đồng Nai',
    ward: '26041',
    hour: 7.6,
  },
  {
    office: 'DNI-BH-TB',
    address: 'Tổ 5, khu phố 3, phường Long Hưng, Đồng Nai',
    ward: '26380',
    hour: 7.8,
  },
  {
    office: 'DNI-BH-LB',
    address: '118 đường số 9, khu dân cư mới, phường Hố Nai, Đồng Nai',
    ward: '26005',
    hour: 8.1,
  },
  {
    office: 'DNI-LK-LK',
    address: 'Ấp Bàu Trâm, phường Bảo Vinh, Đồng Nai',
    ward: '26098',
    hour: 8.4,
  },
];

/** The province and its demo wards (left as they are when the full list was imported first). */
async function seedWards(tx: Tx, now: Date) {
  const effectiveDate = toVnDate(now);
  await tx
    .insert(adminProvinces)
    .values({ ...PROVINCE, effectiveDate })
    .onConflictDoNothing();
  await tx
    .insert(adminWards)
    .values(
      DEMO_WARDS.map((w) => ({
        code: w.code,
        provinceCode: PROVINCE.code,
        name: w.name,
        fullName: `${w.kind} ${w.name}`,
        nameEn: w.nameEn,
        kind: w.kind,
        effectiveDate,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Places in the demo: the wards around Biên Hòa and Long Khánh, each served by exactly one
 * post office; the ward of every demo address (its office's ward) and where each position came
 * from; and a few of this morning's requests at new addresses with no position yet.
 */
export async function seedPlacesDemo(tx: Tx, now: Date, cal: WorkingCalendar): Promise<void> {
  await seedWards(tx, now);
  const units = await queryRows<{ id: string; code: string }>(tx, sql`select id, code from units`);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  await tx
    .insert(unitServiceWards)
    .values(DEMO_WARDS.map((w) => ({ wardCode: w.code, unitId: unitId.get(w.office)! })))
    .onConflictDoNothing();
  for (const [office, ward] of Object.entries(HOME_WARD)) {
    const id = unitId.get(office)!;
    await tx.execute(sql`update units set ward_code = ${ward} where id = ${id}`);
    await tx.execute(
      sql`update jobs set ward_code = ${ward}, location_source = case when lat is null then null else 'saved_address' end
          where unit_id = ${id} and ward_code is null`,
    );
    await tx.execute(
      sql`update citizen_addresses a set ward_code = ${ward}, location_source = case when a.lat is null then null else 'pinned' end
          from citizens c where c.id = a.citizen_id and c.unit_id = ${id} and a.ward_code is null`,
    );
  }
  await seedUnplacedJobs(tx, now, cal, unitId);
}

async function seedUnplacedJobs(
  tx: Tx,
  now: Date,
  cal: WorkingCalendar,
  unitId: Map<string, string>,
) {
  const day = toVnDate(now);
  const past = morningOf(now, 9);
  const prefix = `TN${day.slice(2).replace(/-/g, '')}`;
  const [operator] = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where username = 'operator2'`,
  );
  for (const [i, u] of UNPLACED.entries()) {
    const office = unitId.get(u.office)!;
    const [citizen] = await queryRows<{ id: string }>(
      tx,
      sql`select id from citizens where unit_id = ${office} order by phone desc limit 1 offset ${6 + i}`,
    );
    if (!citizen) continue;
    const createdAt = past(u.hour);
    const seq = await nextJobSequence(tx, prefix);
    const [row] = await tx
      .insert(jobs)
      .values({
        code: `${prefix}${String(seq).padStart(4, '0')}`,
        type: 'home_assistance',
        status: 'new',
        unitId: office,
        citizenId: citizen.id,
        addressText: u.address,
        wardCode: u.ward,
        dueDate: dueDate(cal, createdAt, 2),
        createdBy: operator?.id ?? null,
        createdAt,
        updatedAt: createdAt,
        statusChangedAt: createdAt,
        notes: 'Địa chỉ mới, chưa ghim trên bản đồ (dữ liệu mẫu).',
      })
      .returning({ id: jobs.id });
    await tx.insert(jobEvents).values(createdEvent(row!.id, operator?.id ?? null, createdAt));
  }
}
