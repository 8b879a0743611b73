import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { staffColumns } from '../../db/selections';
import { sessions, units, users } from '../../db/schema';

export async function findUserForLogin(db: DbOrTx, username: string) {
  const rows = await db
    .select({
      id: users.id,
      ...staffColumns,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .limit(1);
  return rows[0];
}

export async function recordSuccessfulLogin(db: DbOrTx, userId: string, at: Date) {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
    .where(eq(users.id, userId));
}

export async function insertSession(
  db: DbOrTx,
  s: {
    id: string;
    userId: string;
    expiresAt: Date;
    ip: string | undefined;
    userAgent: string | undefined;
  },
) {
  await db.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    expiresAt: s.expiresAt,
    ip: s.ip ?? null,
    userAgent: s.userAgent ?? null,
  });
}

/** A live session with its user, or undefined when expired, unknown or the user is disabled. */
export async function findActiveSession(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      ...staffColumns,
      unitParentId: units.parentId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  return row && !row.disabled ? row : undefined;
}

export async function touchSession(db: DbOrTx, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Ends every session of one user; returns how many there were. */
export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** The stored password hash of one user (to check their current password). */
export async function findPasswordHash(db: DbOrTx, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.passwordHash;
}

/** Stores a user's new password hash. */
export async function updatePasswordHash(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
  at: Date,
) {
  await db.update(users).set({ passwordHash, updatedAt: at }).where(eq(users.id, userId));
}

/** Ends every session of one user but one; returns how many ended. */
export async function deleteOtherSessions(
  db: DbOrTx,
  userId: string,
  keepId: string,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return rows.length;
}
