import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../../db/client';
import { adminWards, unitServiceWards, units } from '../../db/schema';

/** A ward with the post office serving it (null: none). */
export type WardWithOffice = {
  code: string;
  provinceCode: string;
  name: string;
  fullName: string;
  kind: string;
  officeId: string | null;
  officeName: string | null;
};

/** `(a, b, c)` as bound parameters. */
const list = (codes: string[]) =>
  sql`(${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )})`;

const wardColumns = sql`w.code, w.province_code as "provinceCode", w.name, w.full_name as "fullName", w.kind,
  u.id as "officeId", u.name as "officeName"`;

/**
 * Wards of one province whose folded name contains `folded` (diacritic- and case-insensitive,
 * on the trigram index of `vn_fold(name)`), by name, each with its serving office.
 */
export async function findProvinceWards(
  db: DbOrTx,
  f: { provinceCode: string; folded?: string | undefined; limit: number },
): Promise<WardWithOffice[]> {
  return queryRows<WardWithOffice>(
    db,
    sql`select ${wardColumns}
        from admin_wards w
        left join unit_service_wards s on s.ward_code = w.code
        left join units u on u.id = s.unit_id
        where w.province_code = ${f.provinceCode}
          ${f.folded ? sql`and vn_fold(w.name) like ${'%' + f.folded + '%'}` : sql``}
        order by (vn_fold(w.name) like ${(f.folded ?? '') + '%'}) desc, w.name, w.code
        limit ${f.limit}`,
  );
}

/** The wards with these codes (any province), each with its serving office. */
export async function findWardsByCodes(db: DbOrTx, codes: string[]): Promise<WardWithOffice[]> {
  if (codes.length === 0) return [];
  return queryRows<WardWithOffice>(
    db,
    sql`select ${wardColumns}
        from admin_wards w
        left join unit_service_wards s on s.ward_code = w.code
        left join units u on u.id = s.unit_id
        where w.code in ${list(codes)}`,
  );
}

/** Post offices among `unitIds`, by name. */
export async function findPostOffices(db: DbOrTx, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(and(inArray(units.id, [...unitIds]), eq(units.kind, 'post_office')))
    .orderBy(asc(units.name));
}

/** A unit's id, name, code and kind, or undefined. */
export async function findUnitBrief(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: units.id, name: units.name, code: units.code, kind: units.kind })
      .from(units)
      .where(eq(units.id, id))
      .limit(1)
  )[0];
}

/** The wards served by each of these offices, by ward name. */
export async function findServedWards(db: DbOrTx, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: unitServiceWards.unitId,
      code: adminWards.code,
      fullName: adminWards.fullName,
    })
    .from(unitServiceWards)
    .innerJoin(adminWards, eq(adminWards.code, unitServiceWards.wardCode))
    .where(inArray(unitServiceWards.unitId, unitIds))
    .orderBy(asc(adminWards.name), asc(adminWards.code));
}

/** Locks the service rows of these wards (and the office's own) for the rest of the transaction. */
export async function lockServiceRows(tx: Tx, unitId: string, codes: string[]) {
  await queryRows(
    tx,
    sql`select ward_code from unit_service_wards
        where unit_id = ${unitId} ${codes.length > 0 ? sql`or ward_code in ${list(codes)}` : sql``}
        for update`,
  );
}

/** Removes the office's wards that are not in `keep`; returns the codes removed. */
export async function removeServedWardsExcept(tx: Tx, unitId: string, keep: string[]) {
  const rows = await tx
    .delete(unitServiceWards)
    .where(
      and(
        eq(unitServiceWards.unitId, unitId),
        keep.length > 0 ? notInArray(unitServiceWards.wardCode, keep) : undefined,
      ),
    )
    .returning({ code: unitServiceWards.wardCode });
  return rows.map((r) => r.code);
}

/** Makes the office serve these wards (taking them from any other office). */
export async function assignWards(tx: Tx, unitId: string, codes: string[], by: string) {
  if (codes.length === 0) return;
  await tx
    .insert(unitServiceWards)
    .values(codes.map((wardCode) => ({ wardCode, unitId, createdBy: by })))
    .onConflictDoUpdate({
      target: unitServiceWards.wardCode,
      set: { unitId, createdBy: by, createdAt: new Date() },
    });
}
