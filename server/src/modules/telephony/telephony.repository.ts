import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units, users } from '../../db/schema';

/** The top unit (the province's 1022 centre): the oldest unit without a parent. */
export async function findRootUnitId(db: DbOrTx): Promise<string | undefined> {
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.createdAt))
    .limit(1);
  return root?.id;
}

/** Phone numbers of the unit's active operators. */
export async function findOperatorPhones(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ phone: users.phone })
    .from(users)
    .where(
      and(
        eq(users.unitId, unitId),
        eq(users.role, 'operator'),
        eq(users.disabled, false),
        isNotNull(users.phone),
      ),
    );
  return rows.map((r) => r.phone!).filter(Boolean);
}
