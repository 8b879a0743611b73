import type { Db } from '../../server/src/db/client';
import { adminProvinces, adminWards, unitServiceWards } from '../../server/src/db/schema';
import {
  sampleExportCsv,
  sampleExportRows,
  type SampleExportOptions,
} from '../../server/src/demo/demo-results-export';
import { createOrgFixture, createProcedure, createUser } from './factories';

/** Wards of province 75 (the configured province): A serves the first three, B the next two. */
export const INTAKE_WARDS = [
  { code: '26041', name: 'Trấn Biên', kind: 'Phường' },
  { code: '26068', name: 'Tam Hiệp', kind: 'Phường' },
  { code: '26080', name: 'Long Bình', kind: 'Phường' },
  { code: '26272', name: 'Phước Tân', kind: 'Phường' },
  { code: '26296', name: 'An Phước', kind: 'Xã' },
  /** Known, but no post office serves it. */
  { code: '26500', name: 'Xuân Đông', kind: 'Xã' },
] as const;

/** The org fixture plus wards, service areas split between A and B, and a small catalogue. */
export async function createIntakeFixture(db: Db) {
  const org = await createOrgFixture(db);
  const effectiveDate = '2025-07-01';
  await db.insert(adminProvinces).values({
    code: '75',
    name: 'Đồng Nai',
    fullName: 'Tỉnh Đồng Nai',
    kind: 'Tỉnh',
    effectiveDate,
  });
  await db.insert(adminWards).values(
    INTAKE_WARDS.map((w) => ({
      code: w.code,
      provinceCode: '75',
      name: w.name,
      fullName: `${w.kind} ${w.name}`,
      kind: w.kind,
      effectiveDate,
    })),
  );
  await db
    .insert(unitServiceWards)
    .values([
      ...INTAKE_WARDS.slice(0, 3).map((w) => ({ wardCode: w.code, unitId: org.unitA.id })),
      ...INTAKE_WARDS.slice(3, 5).map((w) => ({ wardCode: w.code, unitId: org.unitB.id })),
    ]);
  const byPost = await createProcedure(db, {
    code: '1.001234',
    name: 'Cấp phiếu lý lịch tư pháp',
    postalChargeVnd: 26_000,
  });
  const second = await createProcedure(db, { code: '2.000456', name: 'Chứng thực bản sao' });
  const inPerson = await createProcedure(db, {
    code: '1.009999',
    name: 'Cấp căn cước công dân',
    inPersonOnly: true,
  });
  const provinceAdmin = await createUser(db, 'admin', org.province.id);
  return { ...org, provinceAdmin, procedures: { byPost, second, inPerson } };
}

export type IntakeFixture = Awaited<ReturnType<typeof createIntakeFixture>>;

/** The sample generator's options on the fixture's data (wards of A and B, the catalogue). */
export function sampleOptions(
  f: IntakeFixture,
  over: Partial<SampleExportOptions> = {},
): SampleExportOptions {
  return {
    wards: INTAKE_WARDS.slice(0, 5).map((w) => ({
      code: w.code,
      name: w.name,
      fullName: `${w.kind} ${w.name}`,
    })),
    procedures: [f.procedures.byPost, f.procedures.second, f.procedures.inPerson].map((p) => ({
      code: p.code,
      name: p.name,
      inPersonOnly: p.inPersonOnly,
    })),
    rows: 40,
    seed: 7,
    bad: false,
    ...over,
  };
}

/** The sample export as UTF-8 CSV with BOM. */
export function sampleCsv(f: IntakeFixture, over: Partial<SampleExportOptions> = {}): Buffer {
  return sampleExportCsv(sampleOptions(f, over));
}

/** The rows of the sample (label, header, data), to edit before writing a file. */
export function sampleRows(f: IntakeFixture, over: Partial<SampleExportOptions> = {}) {
  return sampleExportRows(sampleOptions(f, over));
}

/** Rows as a CSV text (comma-separated, quoted when needed). */
export function csvOf(rows: string[][]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
