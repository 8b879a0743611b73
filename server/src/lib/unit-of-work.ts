import type { Db, Tx } from '../db/client';
import { logger } from './logger';

/**
 * Work to do once a transaction has committed (realtime events, mostly). Callbacks are
 * kept per transaction handle; {@link runTransaction} runs them after a successful commit
 * and drops them on rollback, so nobody is told about a change that never happened.
 */
const pending = new WeakMap<Tx, Array<() => void>>();

/**
 * Runs `fn` in a transaction and, after it commits, the callbacks registered with
 * {@link afterCommit}. With `outer` given, `fn` runs inside that transaction instead (it
 * must itself come from `runTransaction`) and the callbacks wait for its commit.
 */
export async function runTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  outer?: Tx,
): Promise<T> {
  if (outer) {
    if (!pending.has(outer))
      throw new Error(
        'runTransaction: the outer transaction was not started with runTransaction()',
      );
    return fn(outer);
  }
  const callbacks: Array<() => void> = [];
  const result = await db.transaction(async (tx) => {
    pending.set(tx, callbacks);
    try {
      return await fn(tx);
    } finally {
      pending.delete(tx);
    }
  });
  for (const cb of callbacks) {
    try {
      cb();
    } catch (err) {
      logger.error({ err }, 'after-commit callback failed');
    }
  }
  return result;
}

/**
 * Registers `cb` to run after `tx` commits. `tx` must come from {@link runTransaction}
 * (a plain `db.transaction` cannot tell us when it commits): call the job services with
 * `{ tx }` only from inside `runTransaction`.
 */
export function afterCommit(tx: Tx, cb: () => void): void {
  const list = pending.get(tx);
  if (!list) throw new Error('afterCommit: use runTransaction() to start the transaction');
  list.push(cb);
}
