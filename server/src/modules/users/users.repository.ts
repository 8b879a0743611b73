import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findById, insertUnlessTaken, updateById } from '../../db/rows';
import { staffColumns } from '../../db/selections';
import { units, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;

/** Staff of some units (optionally one role), for pickers: no secrets. */
export async function findStaff(
  db: DbOrTx,
  f: { unitIds: readonly string[]; role?: string | undefined },
) {
  return db
    .select({
      id: users.id,
      ...staffColumns,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(inArray(users.unitId, [...f.unitIds]), f.role ? eq(users.role, f.role) : undefined))
    .orderBy(asc(users.role), asc(users.username));
}

/** Every user of some units with their unit's name, by username. */
export async function findUsersWithUnit(db: DbOrTx, unitIds: readonly string[]) {
  return db
    .select({ u: users, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(inArray(users.unitId, [...unitIds]))
    .orderBy(users.username);
}

/** One user, or undefined. */
export const findUserById = (db: DbOrTx, id: string) => findById(db, users, id);

/** Whether a username is in use. */
export async function usernameExists(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row !== undefined;
}

/** Inserts a user; undefined when the username is taken. */
export const insertUser = (db: DbOrTx, values: UserInsert) =>
  insertUnlessTaken(db, users, values, users.username);

/** Changes one user and returns it. */
export const updateUserRow = (db: DbOrTx, id: string, set: Partial<UserInsert>) =>
  updateById(db, users, id, set);
