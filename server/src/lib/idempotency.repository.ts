import { and, eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { idempotencyKeys } from '../db/schema';

/** Which stored answer: one user's key for one scope. */
export type IdempotencyRef = { userId: string; scope: string; key: string };
export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

const matches = (ref: IdempotencyRef) =>
  and(
    eq(idempotencyKeys.userId, ref.userId),
    eq(idempotencyKeys.scope, ref.scope),
    eq(idempotencyKeys.key, ref.key),
  );

/**
 * Claims a key (status 0 until the work stores its answer). False when the key already has a
 * row; a concurrent claim of the same key blocks on the primary key until the other ends.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  ref: IdempotencyRef,
  requestHash: string,
): Promise<boolean> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ ...ref, requestHash, status: 0 })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

export async function findIdempotencyRow(
  tx: Tx,
  ref: IdempotencyRef,
): Promise<IdempotencyRow | undefined> {
  const [row] = await tx.select().from(idempotencyKeys).where(matches(ref)).limit(1);
  return row;
}

/** Stores the answer of the work that claimed the key. */
export async function storeIdempotentAnswer(
  tx: Tx,
  ref: IdempotencyRef,
  answer: { status: number; body: unknown },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: answer.status, body: answer.body as never })
    .where(matches(ref));
}

/** Deletes stored answers created before `cutoff`. */
export async function deleteIdempotencyKeysBefore(db: Db, cutoff: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}
