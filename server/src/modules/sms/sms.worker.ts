import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { maskPhone } from '@tannha/shared';
import type { Db } from '../../db/client';
import * as repo from './sms.repository';
import { SmsSendError, type SmsTransport } from './sms.transport';

/**
 * The SMS worker drains `sms_outbox`.
 *
 * Delivery guarantee — chosen deliberately: **at-least-once attempts, de-duplicated at the
 * provider**, i.e. effectively once.
 *
 * 1. Claim: one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) moves due `queued`
 *    rows to `sending` with `claimed_at` and this worker's `claim_token`, and counts the
 *    attempt. Several workers (nodes) never claim the same row.
 * 2. Send: the provider answers 2xx → `sent` with its message id. It answers with an
 *    error → back to `queued` with exponential back-off (or `failed` when the error is
 *    permanent or attempts are used up). No answer at all (timeout, connection cut after
 *    the request went out) → the row stays `sending`: we do not know.
 * 3. Reconcile: a `sending` row whose claim is older than the lease belongs to a worker
 *    that died or gave up between claim and record (the "kill -9 between sending and
 *    saving" case). Before sending it again, the worker asks the provider whether a
 *    message with this text went to this number since the claim (`transport.findSent`):
 *    found → `sent` with that id; not found → `queued` again.
 *
 * Why not at-most-once (mark interrupted rows failed)? A lost "your job code is …" SMS
 * costs the citizen a call to 1022; a duplicate costs a second text. Why not plain
 * at-least-once? The acceptance asks for no double sending, and the provider can tell us.
 * The one gap left: the provider accepted the message but its list does not show it yet
 * when we ask — the lease (default 2 minutes) makes that practically impossible.
 */
export type SmsWorkerOptions = {
  db: Db;
  transport: SmsTransport;
  logger: Logger;
  /** How often to look for due messages when idle. */
  pollMs?: number;
  /** A `sending` claim older than this is treated as interrupted and reconciled. */
  leaseMs?: number;
  /** First retry delay; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many attempts a message is `failed`. */
  maxAttempts?: number;
  batchSize?: number;
};

type OutboxRow = repo.OutboxClaim;

/** One running worker: its settings, its claim token, and whether it was asked to stop. */
type Worker = Required<Omit<SmsWorkerOptions, 'logger'>> & {
  token: string;
  log: Logger;
  stopped: () => boolean;
};

/** Step 3: settles messages whose worker died between claiming and recording. */
async function reconcile(w: Worker): Promise<void> {
  const { db, transport, token, log } = w;
  const stale = await repo.claimStaleSending(db, w);
  for (const row of stale) {
    if (w.stopped()) return;
    try {
      const used = await repo.findUsedProviderIds(db, row.to_phone, row.id);
      const found = await transport.findSent({
        id: row.id,
        to: row.to_phone,
        body: row.body,
        since: new Date(row.prev_claimed_at as string),
        excludeProviderIds: used,
      });
      if (found) {
        await repo.markSent(db, {
          id: row.id,
          token,
          providerId: found.providerId,
          transport: transport.name,
        });
        log.info({ smsId: row.id }, 'interrupted sms had reached the provider; marked sent');
      } else {
        await repo.requeueInterrupted(db, row.id, token);
        log.warn({ smsId: row.id }, 'interrupted sms not found at the provider; queued again');
      }
    } catch (err) {
      // The provider could not be asked: keep the row `sending`; the next lease retries.
      log.warn(
        { smsId: row.id, err: (err as Error).message },
        'could not reconcile interrupted sms',
      );
    }
  }
}

/** Step 2: sends one claimed message and records the outcome. */
async function sendOne(w: Worker, row: OutboxRow): Promise<void> {
  const { db, transport, token, log } = w;
  try {
    const r = await transport.send({ id: row.id, to: row.to_phone, body: row.body });
    await repo.markSent(db, {
      id: row.id,
      token,
      providerId: r.providerId,
      providerStatus: r.status ?? null,
      transport: transport.name,
    });
  } catch (err) {
    const e =
      err instanceof SmsSendError ? err : new SmsSendError((err as Error).message, 'unknown');
    if (e.outcome === 'unknown') {
      // Leave it `sending`: reconciliation after the lease finds out whether it went.
      log.warn(
        { smsId: row.id, to: maskPhone(row.to_phone), err: e.message },
        'sms outcome unknown; will reconcile',
      );
      return;
    }
    const giveUp = e.permanent || row.attempts >= w.maxAttempts;
    const delay = Math.min(w.maxDelayMs, w.baseDelayMs * 2 ** Math.max(0, row.attempts - 1));
    await repo.markSendFailed(db, {
      id: row.id,
      token,
      giveUp,
      delayMs: delay,
      error: e.message.slice(0, 500),
      transport: transport.name,
    });
    log.warn({ smsId: row.id, attempts: row.attempts, giveUp, err: e.message }, 'sms send failed');
  }
}

/** One round: reconcile, claim due messages, send them. Returns how many were claimed. */
async function tick(w: Worker): Promise<number> {
  await reconcile(w);
  if (w.stopped()) return 0;
  const rows = await repo.claimDue(w.db, w);
  for (const row of rows) {
    if (w.stopped()) break;
    await sendOne(w, row);
  }
  return rows.length;
}

/** Starts draining the outbox on this node; `stop()` ends it. */
export function startSmsWorker(opts: SmsWorkerOptions): { stop: () => Promise<void> } {
  const token = randomUUID();
  let stopped = false;
  const w: Worker = {
    db: opts.db,
    transport: opts.transport,
    pollMs: opts.pollMs ?? 2_000,
    leaseMs: opts.leaseMs ?? 120_000,
    baseDelayMs: opts.baseDelayMs ?? 30_000,
    maxDelayMs: opts.maxDelayMs ?? 3_600_000,
    maxAttempts: opts.maxAttempts ?? 8,
    batchSize: opts.batchSize ?? 10,
    token,
    log: opts.logger.child({ worker: 'sms', token: token.slice(0, 8) }),
    stopped: () => stopped,
  };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick(w)
        .then((n) => schedule(n >= w.batchSize ? 0 : w.pollMs))
        .catch((err: unknown) => {
          w.log.error({ err }, 'sms worker tick failed');
          schedule(w.pollMs);
        });
    }, delay);
  }
  schedule(0);

  return {
    /** Stops polling and waits for the message in hand to finish. */
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}
