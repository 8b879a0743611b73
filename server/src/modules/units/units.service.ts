import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units } from '../../db/schema';
import { forbidden, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';

const UNIT = { vi: 'Đơn vị', en: 'Unit' };

/** Refuses (403) when the unit is outside the caller's subtree. */
export function assertUnitInScope(auth: AuthContext, unitId: string): void {
  if (!auth.unitIds.includes(unitId)) {
    throw forbidden({
      vi: 'Đơn vị này không thuộc phạm vi quản lý của bạn.',
      en: 'This unit is outside the units you manage.',
    });
  }
}

/** Units the caller may see: their own and every unit below it. */
export async function listUnits(db: Db, auth: AuthContext) {
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...auth.unitIds]))
    .orderBy(asc(units.code));
}

/** One unit, if the caller may see it. */
export async function getUnit(db: Db, auth: AuthContext, id: string) {
  const row = (await db.select().from(units).where(eq(units.id, id)).limit(1))[0];
  if (!row) throw notFound(UNIT);
  assertUnitInScope(auth, id);
  return row;
}
