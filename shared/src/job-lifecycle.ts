/**
 * The job state machine — the single source of truth for which status a job may move to
 * (DESIGN.md "Job lifecycle"). The server checks every transition with
 * {@link checkTransition} and answers 409 when it fails; the web uses
 * {@link allowedTransitions} to offer only the buttons that will work.
 *
 * Happy paths:
 * ```
 * home_assistance: new → assigned → accepted → en_route → on_site → collected → submitted → completed
 * result_delivery: new → assigned → accepted → picked_up → en_route → on_site → delivered → completed
 * fee_collection:  new → assigned → accepted → en_route → on_site → collected → completed
 * ```
 * Side roads:
 * - any active state → `on_hold` (reason) → back to exactly the state it was held from;
 *   a job held from `new`/`assigned` may also be cancelled from `on_hold` (reason);
 * - `on_site` → `failed_attempt` (reason) → `assigned` (rescheduled);
 *   for `result_delivery` also `failed_attempt` → `returned` (result goes back to the agency; reason);
 * - `new` | `assigned` → `cancelled` (reason);
 * - `assigned` → `new` (unassign).
 */

export const JOB_TYPES = ['home_assistance', 'result_delivery', 'fee_collection'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_STATUSES = [
  'new',
  'assigned',
  'accepted',
  'picked_up',
  'en_route',
  'on_site',
  'collected',
  'submitted',
  'delivered',
  'completed',
  'on_hold',
  'failed_attempt',
  'returned',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** States a job never leaves. */
export const TERMINAL_STATUSES: readonly JobStatus[] = Object.freeze([
  'completed',
  'returned',
  'cancelled',
]);

/** Moving into one of these states needs a stated reason (non-empty after trimming). */
export const REASON_REQUIRED_TARGETS: readonly JobStatus[] = Object.freeze([
  'on_hold',
  'cancelled',
  'failed_attempt',
  'returned',
]);

/** Why a visit at the door failed (the courier picks one; `other` wants free text). */
export const FAILURE_REASONS = [
  'citizen_absent',
  'wrong_address',
  'refused',
  'papers_missing',
  'id_mismatch',
  'other',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Every job starts alike: created, given to a courier, accepted by them. */
const START: readonly JobStatus[] = ['new', 'assigned', 'accepted'];
/** The courier's way to the door. */
const VISIT: readonly JobStatus[] = ['en_route', 'on_site'];

/** A type's happy path, frozen so that no caller can change the table. */
const happyPath = (...steps: JobStatus[]): readonly JobStatus[] => Object.freeze(steps);

const PATHS: Readonly<Record<JobType, readonly JobStatus[]>> = Object.freeze({
  home_assistance: happyPath(...START, ...VISIT, 'collected', 'submitted', 'completed'),
  result_delivery: happyPath(...START, 'picked_up', ...VISIT, 'delivered', 'completed'),
  fee_collection: happyPath(...START, ...VISIT, 'collected', 'completed'),
});

/** States a job may be cancelled from — directly, or from on_hold when it was held from one of them. */
const CANCELLABLE: readonly JobStatus[] = ['new', 'assigned'];

/** The happy path of a job type, from `new` to `completed`. */
export function jobPath(type: JobType): readonly JobStatus[] {
  return PATHS[type];
}

/** Whether a job type ever uses a status (its path plus the side states). */
function usesStatus(type: JobType, status: JobStatus): boolean {
  if (PATHS[type].includes(status)) return true;
  if (status === 'on_hold' || status === 'failed_attempt' || status === 'cancelled') return true;
  return status === 'returned' && type === 'result_delivery';
}

/**
 * Whether work on a job is under way or can be: not finished (completed, returned,
 * cancelled), not on hold, not waiting after a failed attempt. Only active jobs can be put
 * on hold.
 */
export function isActiveStatus(s: JobStatus): boolean {
  return !TERMINAL_STATUSES.includes(s) && s !== 'on_hold' && s !== 'failed_attempt';
}

/** Context a transition may depend on. */
export type TransitionContext = {
  /**
   * For a job in `on_hold`: the state it was held from (read from the event log). Without
   * it the job has no way out of `on_hold`.
   */
  heldFrom?: JobStatus | null;
};

/**
 * Every status a job of `type` may move to from `from`, in path order then side states.
 * Reasons are not considered here; see {@link checkTransition}.
 */
export function allowedTransitions(
  type: JobType,
  from: JobStatus,
  ctx: TransitionContext = {},
): JobStatus[] {
  if (!usesStatus(type, from)) return [];
  const path = PATHS[type];
  const out: JobStatus[] = [];

  if (from === 'on_hold') {
    const held = ctx.heldFrom ?? null;
    if (held === null || !usesStatus(type, held) || !isActiveStatus(held)) return [];
    out.push(held);
    if (CANCELLABLE.includes(held)) out.push('cancelled');
    return out;
  }

  if (from === 'failed_attempt') {
    out.push('assigned');
    if (type === 'result_delivery') out.push('returned');
    return out;
  }

  if (!isActiveStatus(from)) return out;

  const i = path.indexOf(from);
  if (from === 'assigned') out.push('new');
  const next = path[i + 1];
  if (next !== undefined) out.push(next);
  if (from === 'on_site') out.push('failed_attempt');
  out.push('on_hold');
  if (CANCELLABLE.includes(from)) out.push('cancelled');
  return out;
}

/** Whether a job of `type` may move from `from` to `to` (ignoring the reason). */
export function canTransition(
  type: JobType,
  from: JobStatus,
  to: JobStatus,
  ctx: TransitionContext = {},
): boolean {
  return allowedTransitions(type, from, ctx).includes(to);
}

export type CheckTransitionOptions = {
  /** The reason the person gave; required (non-empty after trim) for {@link REASON_REQUIRED_TARGETS}. */
  reason?: string | null;
  /** See {@link TransitionContext.heldFrom}. */
  heldFrom?: JobStatus | null;
};

export type CheckTransitionResult =
  | { ok: true }
  | {
      ok: false;
      code: 'job_transition_not_allowed' | 'job_transition_reason_required';
      message: string;
    };

/**
 * Checks one transition, reason included. On failure the `code` is the stable error id
 * the API returns and the `message` names the current state, e.g.
 * "Cannot move a job from 'new' to 'delivered' (current state: new)".
 */
export function checkTransition(
  type: JobType,
  from: JobStatus,
  to: JobStatus,
  opts: CheckTransitionOptions = {},
): CheckTransitionResult {
  const ctx = { heldFrom: opts.heldFrom ?? null };
  if (!canTransition(type, from, to, ctx)) {
    // Kept to exactly this form: clients and tests read it. The allowed targets are
    // available from allowedTransitions() for a caller that wants to list them.
    return {
      ok: false,
      code: 'job_transition_not_allowed',
      message: `Cannot move a job from '${from}' to '${to}' (current state: ${from})`,
    };
  }
  if (REASON_REQUIRED_TARGETS.includes(to) && (opts.reason ?? '').trim() === '') {
    return {
      ok: false,
      code: 'job_transition_reason_required',
      message: `A reason is required to move a job to '${to}' (current state: ${from})`,
    };
  }
  return { ok: true };
}
