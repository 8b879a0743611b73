import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ParsedProvince, ParsedWard } from './divisions.file';

/** Upserts provinces or wards by code; counts rows inserted and updated. */
export async function upsertDivisions(
  tx: DbOrTx,
  table: 'admin_provinces' | 'admin_wards',
  rows: (ParsedProvince | ParsedWard)[],
  effectiveDate: string,
) {
  let inserted = 0;
  let updated = 0;
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = sql.join(
      batch.map((r) =>
        table === 'admin_wards'
          ? sql`(${r.code}, ${(r as ParsedWard).provinceCode}, ${r.name}, ${r.fullName}, ${r.nameEn}, ${r.kind}, ${effectiveDate}::date, now())`
          : sql`(${r.code}, ${r.name}, ${r.fullName}, ${r.nameEn}, ${r.kind}, ${effectiveDate}::date, now())`,
      ),
      sql`, `,
    );
    const q =
      table === 'admin_wards'
        ? sql`insert into admin_wards (code, province_code, name, full_name, name_en, kind, effective_date, updated_at) values ${values}
              on conflict (code) do update set province_code = excluded.province_code, name = excluded.name, full_name = excluded.full_name,
                name_en = excluded.name_en, kind = excluded.kind, effective_date = excluded.effective_date, updated_at = now()
              returning (xmax = 0) as inserted`
        : sql`insert into admin_provinces (code, name, full_name, name_en, kind, effective_date, updated_at) values ${values}
              on conflict (code) do update set name = excluded.name, full_name = excluded.full_name,
                name_en = excluded.name_en, kind = excluded.kind, effective_date = excluded.effective_date, updated_at = now()
              returning (xmax = 0) as inserted`;
    const res = await queryRows<{ inserted: boolean }>(tx, q);
    for (const r of res) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/** Every province with its number of wards, by code. */
export async function findProvinces(db: DbOrTx) {
  return queryRows<{
    code: string;
    name: string;
    fullName: string;
    kind: string;
    effectiveDate: string;
    wardCount: number;
  }>(
    db,
    sql`select p.code, p.name, p.full_name as "fullName", p.kind, to_char(p.effective_date, 'YYYY-MM-DD') as "effectiveDate",
               (select count(*)::int from admin_wards w where w.province_code = p.code) as "wardCount"
        from admin_provinces p order by p.code`,
  );
}

/** Wards, optionally of one province and whose folded name contains `folded`. */
export async function findWards(
  db: DbOrTx,
  f: { provinceCode?: string | undefined; folded?: string | undefined; limit: number },
) {
  return queryRows<{
    code: string;
    provinceCode: string;
    name: string;
    fullName: string;
    kind: string;
  }>(
    db,
    sql`select code, province_code as "provinceCode", name, full_name as "fullName", kind from admin_wards
        where true ${f.provinceCode ? sql`and province_code = ${f.provinceCode}` : sql``}
          ${f.folded ? sql`and vn_fold(name) like ${'%' + f.folded + '%'}` : sql``}
        order by province_code, name limit ${f.limit}`,
  );
}
