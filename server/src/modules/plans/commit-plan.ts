import { formatVnDate, type Plan, type PlansCommittedPayload } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { withIdempotentBody } from '../../lib/idempotency';
import { afterCommit } from '../../lib/unit-of-work';
import { PLANNERS } from '../../policies/plans.policy';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import { unitAndAncestors } from '../../realtime/unit-rooms';
import {
  assignJob,
  findJobRouteStates,
  recordJobEvent,
  setJobRouteOrder,
  type JobHooks,
} from '../jobs/jobs.service';
import { alreadyCommitted, PLAN, planInScope } from './plan-access';
import { presentPlan } from './plans.presenter';
import type { PlanContext, StoredRoute } from './plans.problem';
import * as repo from './plans.repository';

export type CommitResult = { plan: Plan; replayed: boolean };

type JobState = Awaited<ReturnType<typeof findJobRouteStates>>[number];

/** 409 `plan_stale` when a planned job changed (or vanished) since the plan was proposed. */
function assertFresh(row: repo.PlanRow, states: JobState[], planned: string[]): void {
  const ctx = row.context as PlanContext;
  const versions = row.jobVersions as Record<string, number>;
  const changed = states.filter((s) => planned.includes(s.id) && versions[s.id] !== s.version);
  const gone = planned.filter((j) => !states.some((s) => s.id === j));
  if (changed.length === 0 && gone.length === 0) return;
  const codes = [...changed.map((s) => s.code), ...gone.map((j) => ctx.jobs[j]?.code ?? j)];
  const list = `${codes.slice(0, 5).join(', ')}${codes.length > 5 ? '…' : ''}`;
  throw conflict(
    'plan_stale',
    {
      vi: `Lộ trình đã cũ: ${codes.length} việc đã thay đổi sau khi lập (${list}). Hãy lập lại lộ trình rồi chốt.`,
      en: `The plan is out of date: ${codes.length} job(s) changed after it was made (${list}). Plan again, then commit.`,
    },
    { jobCodes: codes },
  );
}

/** Office staff of the unit and above see every route; each courier only their own. */
async function announce(tx: Tx, row: repo.PlanRow, routes: StoredRoute[]): Promise<void> {
  const used = routes
    .filter((r) => r.jobIds.length > 0)
    .map((r) => ({ courierId: r.courierId, jobIds: r.jobIds }));
  const base = { planId: row.id, unitId: row.unitId, date: row.date };
  const chain = await unitAndAncestors(tx, row.unitId);
  afterCommit(tx, () => {
    publish({
      rooms: chain.flatMap((u) => PLANNERS.map((role) => rooms.unitRole(u, role))),
      event: 'plans.committed',
      payload: { ...base, routes: used } satisfies PlansCommittedPayload,
      scope: { ability: 'plans.read', record: { unitId: row.unitId } },
    });
    for (const r of used)
      publish({
        rooms: [rooms.user(r.courierId)],
        event: 'plans.committed',
        payload: { ...base, routes: [r] } satisfies PlansCommittedPayload,
        scope: { ability: 'jobs.read', record: { unitId: row.unitId, courierId: r.courierId } },
      });
  });
}

/**
 * Commits a plan in one transaction: every planned job goes to its courier through the job
 * engine (`assignJob`, which writes the assignment event and sends `jobs.updated`), gets its
 * stop number (`route_order`, with a `route_planned` event), and the plan is marked committed.
 * Jobs of the plan that ended up in no route lose a stale stop number. After the commit,
 * `plans.committed` goes to the unit and to each courier. Refused with 409 when a job of the
 * plan changed since it was proposed (assigned, moved on, edited) — re-plan then.
 */
export async function commitPlan(
  db: Db,
  auth: AuthContext,
  id: string,
  opts: { hooks: JobHooks; idempotencyKey?: string | undefined },
): Promise<CommitResult> {
  const first = await planInScope(db, auth, id, 'plans.commit');
  const work = async (tx: Tx): Promise<Plan> => {
    const row = await repo.findPlanForUpdate(tx, id);
    if (!row) throw notFound(PLAN);
    if (row.status !== 'proposed') throw alreadyCommitted(row);
    const ctx = row.context as PlanContext;
    const routes = row.routes as StoredRoute[];
    const planned = routes.flatMap((r) => r.jobIds);
    const states = await findJobRouteStates(tx, Object.keys(ctx.jobs));
    assertFresh(row, states, planned);
    const reason = `Lập lộ trình ngày ${formatVnDate(row.date)}`;
    const now = new Date();
    for (const r of routes) {
      for (const [i, jobId] of r.jobIds.entries()) {
        const state = states.find((s) => s.id === jobId)!;
        if (state.courierId !== r.courierId)
          await assignJob(
            db,
            auth,
            jobId,
            { courierId: r.courierId, reason },
            { hooks: opts.hooks, tx },
          );
        await setJobRouteOrder(tx, jobId, i + 1);
        await recordJobEvent(tx, {
          jobId,
          kind: 'route_planned',
          actorId: auth.user.id,
          occurredAt: now,
          recordedAt: now,
          data: { planId: row.id, date: row.date, courierId: r.courierId, routeOrder: i + 1 },
        });
      }
    }
    for (const s of states) {
      if (!planned.includes(s.id) && s.routeOrder !== null && s.courierId)
        await setJobRouteOrder(tx, s.id, null);
    }
    const committedAt = new Date();
    await repo.updatePlan(tx, row.id, {
      status: 'committed',
      committedAt,
      committedBy: auth.user.id,
    });
    await announce(tx, row, routes);
    return presentPlan({ ...row, status: 'committed', committedAt, committedBy: auth.user.id });
  };
  const r = await withIdempotentBody(
    db,
    {
      userId: auth.user.id,
      key: opts.idempotencyKey,
      scope: `plan-commit:${first.id}`,
      request: { planId: first.id },
    },
    work,
  );
  return { plan: r.body, replayed: r.replayed };
}
