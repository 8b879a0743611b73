import { and, eq, gt, lt } from 'drizzle-orm';
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
