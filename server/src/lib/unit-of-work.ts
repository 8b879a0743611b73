import type { Db, DbOrTx, Tx } from '../db/client';
import { logger } from './logger';

/**
 * Work to do once a transaction has committed (realtime events, mostly). Callbacks are
 * kept on the transaction handle itself (no registry shared by the process); {@link runTransaction} runs them after a successful commit
 * and drops them on rollback, so nobody is told about a change that never happened.
 */
const PENDING = Symbol('after-commit callbacks');
type WithPending = { [PENDING]?: Array<() => void> };
const pending = {
  has: (tx: Tx) => (tx as WithPending)[PENDING] !== undefined,
  get: (tx: Tx) => (tx as WithPending)[PENDING],
  set: (tx: Tx, list: Array<() => void>) => {
    (tx as WithPending)[PENDING] = list;
  },
  delete: (tx: Tx) => {
    delete (tx as WithPending)[PENDING];
  },
};

/** The database a transaction of {@link runTransaction} was started on (kept on the handle, like the callbacks). */
const ORIGIN = Symbol('transaction origin');
type WithOrigin = { [ORIGIN]?: Db };

/**
 * The app's database behind a handle: the database itself, or the one a {@link runTransaction}
 * transaction was started on. Caches kept per database (not per transaction) key on it, so
 * every transaction of one app shares them and two apps share nothing.
 */
export function databaseOf(handle: DbOrTx): DbOrTx {
  return (handle as WithOrigin)[ORIGIN] ?? handle;
}

/** How many times a transaction is tried when the database aborts it for a deadlock or a serialisation failure. */
const MAX_ATTEMPTS = 3;

/** The SQLSTATE of a database error, also when the ORM wrapped it. */
function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Runs `fn` in a transaction and, after it commits, the callbacks registered with
 * {@link afterCommit}. A transaction the database aborts for a deadlock or a serialisation
 * failure is run again from the start (`fn` must only change the database through `tx`). With `outer` given, `fn` runs inside that transaction instead (it
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
  let callbacks: Array<() => void> = [];
  const attempt = () => {
    callbacks = [];
    return db.transaction(async (tx) => {
      pending.set(tx, callbacks);
      (tx as WithOrigin)[ORIGIN] = db;
      try {
        return await fn(tx);
      } finally {
        pending.delete(tx);
      }
    });
  };
  let result: T;
  for (let n = 1; ; n++) {
    try {
      result = await attempt();
      break;
    } catch (err) {
      // Two transactions that touch the same rows (jobs and the dashboard's rollup rows)
      // can deadlock or fail to serialise; PostgreSQL rolls one back whole, so running it
      // again is safe and the user never sees it.
      const code = sqlState(err);
      if (n >= MAX_ATTEMPTS || (code !== '40P01' && code !== '40001')) throw err;
      logger.warn({ code, attempt: n }, 'transaction retried');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * n));
    }
  }
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
