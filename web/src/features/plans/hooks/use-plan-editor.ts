import type { Plan } from '@tannha/shared';
import { useEffect, useRef, useState } from 'react';

import { useCommitPlan, useCreatePlan, useUpdatePlan } from '../api/plans.api';
import { errorText } from '../components/plan-format';

/** The search budget the server is given to solve the day. */
export const BUDGET_MS = 2000;

type Orders = { courierId: string; jobIds: string[] }[];
const ordersOf = (plan: Plan): Orders =>
  plan.routes.map((r) => ({ courierId: r.courierId, jobIds: r.stops.map((s) => s.jobId) }));
const without = (orders: Orders, jobId: string): Orders =>
  orders.map((r) => ({ ...r, jobIds: r.jobIds.filter((j) => j !== jobId) }));

/** What a dispatcher may do to a proposed plan's stops. */
export type StopActions = {
  /** Moves the stop at `index` of the courier's route by `delta` places. */
  onMove: (courierId: string, index: number, delta: number) => void;
  /** Gives the job to another courier (at the end of their route). */
  onGive: (jobId: string, courierId: string) => void;
  /** Takes the job out of the plan. */
  onRemove: (jobId: string) => void;
};

/**
 * The plan being worked on: propose (solve on the server, with elapsed time for the progress
 * bar), edit the order (each edit re-timed by the server), and commit once with its own
 * idempotency key.
 */
export function usePlanEditor(unitId: string | undefined) {
  const [plan, setPlan] = useState<Plan>();
  const [confirming, setConfirming] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const commitKey = useRef<string>('');
  const create = useCreatePlan(unitId);
  const update = useUpdatePlan();
  const commit = useCommitPlan();

  useEffect(() => {
    if (!create.isPending) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 100);
    return () => clearInterval(timer);
  }, [create.isPending]);

  // One message at a time: a new action clears what an earlier one failed with, so an
  // error never stays on screen over a later success.
  const clearErrors = () => {
    create.reset();
    update.reset();
    commit.reset();
  };

  const propose = (date: string, startTime: string) => {
    setConfirming(false);
    setElapsed(0);
    clearErrors();
    create.mutate(
      { date, budgetMs: BUDGET_MS, ...(startTime ? { startTime } : {}) },
      {
        onSuccess: (p) => {
          setPlan(p);
          commitKey.current = `plan-commit-${p.id}-${crypto.randomUUID()}`;
        },
      },
    );
  };

  const edit = (change: (orders: Orders) => Orders) => {
    if (!plan) return;
    clearErrors();
    update.mutate(
      { id: plan.id, input: { routes: change(ordersOf(plan)) } },
      { onSuccess: setPlan },
    );
  };
  const actions: StopActions = {
    onMove: (courierId, index, delta) =>
      edit((orders) =>
        orders.map((r) => {
          if (r.courierId !== courierId) return r;
          const ids = [...r.jobIds];
          const [id] = ids.splice(index, 1);
          ids.splice(index + delta, 0, id!);
          return { ...r, jobIds: ids };
        }),
      ),
    onGive: (jobId, toCourierId) =>
      edit((orders) => {
        const next = without(orders, jobId);
        next.find((r) => r.courierId === toCourierId)?.jobIds.push(jobId);
        return next;
      }),
    onRemove: (jobId) => edit((orders) => without(orders, jobId)),
  };

  const commitPlan = () => {
    if (!plan) return;
    clearErrors();
    commit.mutate(
      { id: plan.id, key: commitKey.current },
      { onSuccess: (p) => (setPlan(p), setConfirming(false)) },
    );
  };

  return {
    plan,
    propose,
    actions,
    commitPlan,
    confirming,
    setConfirming,
    elapsed,
    solving: create.isPending,
    saving: update.isPending,
    committed: plan?.status === 'committed',
    busy: create.isPending || update.isPending || commit.isPending,
    error: errorText(create.error) ?? errorText(update.error) ?? errorText(commit.error),
  };
}

export type PlanEditor = ReturnType<typeof usePlanEditor>;
