import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginThrottles } from '../../db/schema';

/** One username tried from one client address. */
export type ThrottleKey = { username: string; address: string };

/**
 * Counts one attempt in a single statement, so parallel guesses cannot slip past the count:
 * the row's failures go up by one and its next allowed time moves to `now` plus the delay of
 * the new count (`threshold` failures free, then 2, 4, 8… seconds up to `capSeconds`).
 * Answers the new count, or undefined when the address must still wait (nothing counted).
 */
export async function claimLoginAttempt(
  db: DbOrTx,
  key: ThrottleKey,
  now: Date,
  rule: { threshold: number; capSeconds: number },
): Promise<{ failures: number; nextAllowedAt: Date } | undefined> {
  const failures = sql`(${loginThrottles.failures} + 1)`;
  const rows = await db
    .insert(loginThrottles)
    .values({
      username: key.username,
      address: key.address,
      failures: 1,
      nextAllowedAt: new Date(now.getTime() + delaySeconds(1, rule) * 1000),
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [loginThrottles.username, loginThrottles.address],
      set: {
        failures,
        nextAllowedAt: sql`${now.toISOString()}::timestamptz + make_interval(secs => case when ${failures} >= ${rule.threshold} then least(power(2, ${failures} - ${rule.threshold} + 1), ${rule.capSeconds}) else 0 end)`,
        updatedAt: now,
      },
      setWhere: sql`${loginThrottles.nextAllowedAt} <= ${now.toISOString()}::timestamptz`,
    })
    .returning({ failures: loginThrottles.failures, nextAllowedAt: loginThrottles.nextAllowedAt });
  return rows[0];
}

/** The wait after the `failures`-th attempt, as the update below computes it in SQL. */
function delaySeconds(failures: number, rule: { threshold: number; capSeconds: number }): number {
  return failures >= rule.threshold
    ? Math.min(2 ** (failures - rule.threshold + 1), rule.capSeconds)
    : 0;
}

/** When the next attempt of this key is allowed (undefined when it is not throttled at all). */
export async function findNextAllowedAt(db: DbOrTx, key: ThrottleKey): Promise<Date | undefined> {
  const rows = await db
    .select({ nextAllowedAt: loginThrottles.nextAllowedAt })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.username, key.username), eq(loginThrottles.address, key.address)))
    .limit(1);
  return rows[0]?.nextAllowedAt;
}

/** Forgets the attempts of one key (a success from that address). */
export async function deleteLoginThrottle(db: DbOrTx, key: ThrottleKey): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.username, key.username), eq(loginThrottles.address, key.address)));
}

/** Forgets the attempts at one username from every address; answers how many rows went. */
export async function deleteLoginThrottlesOf(db: DbOrTx, username: string): Promise<number> {
  const rows = await db
    .delete(loginThrottles)
    .where(eq(loginThrottles.username, username))
    .returning({ address: loginThrottles.address });
  return rows.length;
}

/** Drops rows nobody has touched since `before` (a forgotten guess long ago). */
export async function deleteStaleLoginThrottles(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginThrottles).where(lt(loginThrottles.updatedAt, before));
}
