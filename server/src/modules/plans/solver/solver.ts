import { createRng } from './prng';
import { toPlan } from './plan-output';
import { RuinRecreate } from './ruin-recreate';
import { annealRuinRecreate } from './search';
import { createEmptySolution, Workspace } from './solution';
import type { SolveOptions, VrpPlan, VrpProblem } from './types';
import { compileModel } from './vrp-model';

const DEFAULT_BUDGET_MS = 2000;

/**
 * Plans routes for a fleet: minimises total travel distance while keeping every time window,
 * capacity, shift and the fleet limit. Jobs that cannot fit come back in `unassigned` with a
 * reason. Anytime: stops at the time budget or the iteration cap, whichever comes first, and
 * returns the best plan found. Synchronous and CPU-bound — call it through solveInWorker from
 * a request handler.
 */
export function solveVrptw(problem: VrpProblem, options: SolveOptions = {}): VrpPlan {
  const started = performance.now();
  const budget =
    options.timeBudgetMs ?? (options.maxIterations === undefined ? DEFAULT_BUDGET_MS : Infinity);
  const deadline = started + budget;
  const rng = createRng(options.seed ?? 1);
  const m = compileModel(problem, options.fixedPrefix);

  const ws = new Workspace(m, createEmptySolution(m));
  const rr = new RuinRecreate(m, rng);
  rr.recreate(ws, ws.sol.unassigned.splice(0));
  const initial = ws.snapshot();

  const { best, iterations } = annealRuinRecreate(m, initial, rng, {
    maxIterations: options.maxIterations ?? Infinity,
    deadline,
    cycleIterations: 200 * Math.max(10, m.nJobs),
    t0: 1,
    tf: 0.01,
  });
  return toPlan(problem, m, best, iterations, performance.now() - started);
}
