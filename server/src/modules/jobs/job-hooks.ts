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
  /** A name for logs and tests ("payments", "reports", …). */
  readonly name: string;
  /** After a job is inserted (its `created` event is written). */
  created?(tx: Tx, job: JobRow, auth: AuthContext): Promise<void> | void;
  /**
   * After many jobs are inserted at once (a results intake), instead of `created` for each:
   * a hook that can do its work set-based implements it; one that does not gets `created` per job.
   */
  createdMany?(tx: Tx, jobs: readonly JobRow[], auth: AuthContext): Promise<void> | void;
  /** After a status change is written; `event` is the new `transition` event, `job` the job after it. */
  transitioned?(tx: Tx, job: JobRow, event: JobEventRow, auth: AuthContext): Promise<void> | void;
  /** After an assign, reassign or unassign (`job.courierId` is the new courier or null). */
  assigned?(tx: Tx, job: JobRow, auth: AuthContext): Promise<void> | void;
};

type HookKind = 'created' | 'transitioned' | 'assigned';

/**
 * The hooks of one app, in the order they run. Built once by `createApp` and handed to
 * every module that moves jobs; nothing global, so two apps in one process never share hooks.
 */
export type JobHooks = { readonly hooks: readonly JobHook[] };

/** A registry from a list of hooks (they run in this order). */
export function createJobHooks(hooks: readonly JobHook[]): JobHooks {
  return { hooks: Object.freeze([...hooks]) };
}

/** Runs one kind of hook, in order, inside the caller's transaction. */
export async function runJobHooks<K extends HookKind>(
  registry: JobHooks,
  kind: K,
  ...args: Parameters<NonNullable<JobHook[K]>>
): Promise<void> {
  for (const hook of registry.hooks) {
    const fn = hook[kind] as ((...a: unknown[]) => Promise<void> | void) | undefined;
    if (fn) await fn.apply(hook, args);
  }
}

/** The `created` hooks for many new jobs: `createdMany` where a hook has it, else `created` per job. */
export async function runCreatedHooks(
  registry: JobHooks,
  tx: Tx,
  jobs: readonly JobRow[],
  auth: AuthContext,
): Promise<void> {
  for (const hook of registry.hooks) {
    if (hook.createdMany) await hook.createdMany(tx, jobs, auth);
    else if (hook.created) for (const job of jobs) await hook.created(tx, job, auth);
  }
}
