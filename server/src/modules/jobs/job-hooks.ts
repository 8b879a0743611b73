import type { Tx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import type { JobEventRow, JobRow } from './jobs.repository';

/**
 * Extension points other features hang on the job engine (SMS to the citizen, "fees
 * collected before completing", …). Every hook runs INSIDE the job's transaction: throw an
 * `AppError` to refuse the change (it rolls back and the caller gets that error); write
 * your own rows with `tx` so they commit or roll back with the job.
 */
export type JobHook = {
  /** After a job is inserted (its `created` event is written). */
  created?(tx: Tx, job: JobRow, auth: AuthContext): Promise<void> | void;
  /** After a status change is written; `event` is the new `transition` event, `job` the job after it. */
  transitioned?(tx: Tx, job: JobRow, event: JobEventRow, auth: AuthContext): Promise<void> | void;
  /** After an assign, reassign or unassign (`job.courierId` is the new courier or null). */
  assigned?(tx: Tx, job: JobRow, auth: AuthContext): Promise<void> | void;
};

const hooks = new Map<string, JobHook>();

/**
 * Registers a hook under a name. Idempotent by name: registering the same name again
 * replaces the earlier hook (so module reloads and repeated app builds in tests do not
 * run a hook twice). Hooks run in registration order.
 */
export function registerJobHook(name: string, hook: JobHook): void {
  hooks.set(name, hook);
}

/** Removes a hook (tests). */
export function unregisterJobHook(name: string): void {
  hooks.delete(name);
}

/** Runs one kind of hook, in order, inside the caller's transaction. */
export async function runJobHooks<K extends keyof JobHook>(
  kind: K,
  ...args: Parameters<NonNullable<JobHook[K]>>
): Promise<void> {
  for (const hook of hooks.values()) {
    const fn = hook[kind] as ((...a: unknown[]) => Promise<void> | void) | undefined;
    if (fn) await fn.apply(hook, args);
  }
}
