import { asc, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { findById, insertUnlessTaken, updateById } from '../../db/rows';
import { units } from '../../db/schema';

export type UnitRow = typeof units.$inferSelect;
export type UnitInsert = typeof units.$inferInsert;

/** The unit and every unit below it (recursive), as ids. */
export async function findUnitSubtreeIds(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive tree as (
      select id from units where id = ${unitId}
      union all
      select u.id from units u join tree t on u.parent_id = t.id
    )
    select id from tree`,
  );
  return rows.map((r) => r.id);
}

/** The units with these ids, by code. */
export async function findUnitsByIds(db: DbOrTx, ids: readonly string[]): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...ids]))
    .orderBy(asc(units.code));
}

/** One unit, or undefined. */
export const findUnitById = (db: DbOrTx, id: string) => findById(db, units, id);

/** Inserts a unit; undefined when its code is taken. */
export const insertUnit = (db: DbOrTx, values: UnitInsert) =>
  insertUnlessTaken(db, units, values, units.code);

/** Changes one unit and returns it. */
export const updateUnitRow = (db: DbOrTx, id: string, set: Partial<UnitInsert>) =>
  updateById(db, units, id, set);

/** The unit and every unit above it, own first. */
export async function findUnitChainIds(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up as (
      select id, parent_id, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
    )
    select id from up order by depth`,
  );
  return rows.map((r) => r.id);
}
