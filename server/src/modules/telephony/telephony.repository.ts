import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { settings, units, users } from '../../db/schema';

/**
 * The raw value of a telephony setting (`voice_lines`, `voice_operators`), or undefined.
 * These two keys are not in the typed settings registry yet (settings.definitions.ts);
 * once they are, read them with `getSetting` and delete this.
 */
export async function findVoiceSetting(
  db: DbOrTx,
  key: 'voice_lines' | 'voice_operators',
): Promise<unknown> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return row?.value;
}

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
