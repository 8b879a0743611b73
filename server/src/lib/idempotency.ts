import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import { AppError } from './errors';
import {
  claimIdempotencyKey,
  deleteIdempotencyKeysBefore,
  findIdempotencyRow,
  storeIdempotentAnswer,
} from './idempotency.repository';
import { runTransaction } from './unit-of-work';

/** How long stored answers are kept (a phone retries within hours, not weeks). */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 3600_000;

export type IdempotencyOptions = {
  /** The caller; keys are per user. */
  userId: string;
  /** The client's `Idempotency-Key` header value; without one the work simply runs once in a transaction. */
  key: string | undefined;
  /** What the key is for (e.g. `job-transition:<jobId>`), so one key cannot replay another endpoint's answer. */
  scope: string;
  /** The request body; the same key with a different body is refused with 422 `idempotency_key_reused`. */
  request?: unknown;
  /** Run inside this transaction (from `runTransaction`) instead of a new one. */
  tx?: Tx | undefined;
};

export type IdempotentResult = { status: number; body: unknown; replayed: boolean };

const KEY_RE = /^[\w.:-]{8,200}$/;

/** Reads and checks the `Idempotency-Key` header; undefined when absent. */
export function readIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!KEY_RE.test(header)) {
    throw new AppError(400, 'idempotency_key_invalid', {
      vi: 'Idempotency-Key không hợp lệ: dùng 8–200 ký tự chữ, số, dấu gạch (ví dụ một UUID).',
      en: 'Invalid Idempotency-Key: use 8–200 letters, digits or dashes (for example a UUID).',
    });
  }
  return header;
}

function hashRequest(request: unknown): string {
  return createHash('sha256')
    .update(stableJson(request ?? null))
    .digest('hex');
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/**
 * Runs `fn` at most once per (user, scope, key): the first call does the work in a
 * transaction and stores its answer in the same transaction; later calls replay the stored
 * answer (`replayed: true`) without running `fn`. A concurrent duplicate waits on the key's
 * row until the first commits, then replays. If `fn` throws, nothing is stored and a retry
 * runs again. Realtime events registered with `afterCommit` inside `fn` go out only for the
 * first call. Without a key (an office client that does not send one) `fn` just runs in a
 * transaction, so callers need no branch of their own.
 */
export async function withIdempotency(
  db: Db,
  opts: IdempotencyOptions,
  fn: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResult> {
  const key = opts.key;
  if (key === undefined) return { ...(await runTransaction(db, fn, opts.tx)), replayed: false };
  const requestHash = hashRequest(opts.request);
  return runTransaction(
    db,
    async (tx) => {
      // Claims the key; a concurrent claim of the same key blocks here until the other
      // transaction ends (unique primary key), then finds the row and replays it.
      const ref = { userId: opts.userId, scope: opts.scope, key };
      if (!(await claimIdempotencyKey(tx, ref, requestHash))) {
        const row = await findIdempotencyRow(tx, ref);
        if (!row) throw new Error('idempotency row vanished');
        if (row.requestHash !== requestHash) {
          throw new AppError(422, 'idempotency_key_reused', {
            vi: 'Mã Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy tạo mã mới cho mỗi thao tác.',
            en: 'This Idempotency-Key was already used for a different request. Use a new key for each action.',
          });
        }
        return { status: row.status, body: row.body, replayed: true };
      }
      const result = await fn(tx);
      await storeIdempotentAnswer(tx, ref, result);
      return { ...result, replayed: false };
    },
    opts.tx,
  );
}

/**
 * `withIdempotency` for work that answers 200 with a body: returns the body typed as the
 * work returns it (a replay gives back the stored copy of the same shape).
 */
export async function withIdempotentBody<T>(
  db: Db,
  opts: IdempotencyOptions,
  fn: (tx: Tx) => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  const r = await withIdempotency(db, opts, async (tx) => ({ status: 200, body: await fn(tx) }));
  return { body: r.body as T, replayed: r.replayed };
}

/** Deletes stored answers older than the retention (periodic task). */
export async function pruneIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  await deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
}
