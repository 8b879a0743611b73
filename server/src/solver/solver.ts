import { constructRegret } from './construction';
import { localSearch, polish } from './local-search';
import { createRng } from './prng';
import { toPlan } from './plan-output';
import { annealRuinRecreate, type SearchOptions } from './search';
import { createEmptySolution, Workspace } from './solution';
import type { SolveOptions, VrpPlan, VrpProblem } from './types';
import { compileModel } from './vrp-model';

const DEFAULT_BUDGET_MS = 2000;

/** Search tuning; the defaults were set on the Solomon benchmark (see test/bench/vrp.ts). */
export interface SolverTuning {
  /** Annealing cycle length per job (iterations). */
  cycleIterationsPerJob: number;
  /** Temperature at the start of each cycle, in mean edge lengths of the first plan. */
  t0: number;
  /** Temperature at the end of each cycle, same unit. */
  tf: number;
  /** Polish every new best with the local search. */
  polishBest: boolean;
  /** Absence-guided acceptance while jobs are left out (see search.ts). */
  fleetMinimisation: boolean;
}

export const defaultTuning: SolverTuning = {
  cycleIterationsPerJob: 200,
  t0: 1,
  tf: 0.01,
  polishBest: false,
  fleetMinimisation: true,
};

/**
 * Plans routes for a fleet: minimises total travel distance while keeping every time window,
 * capacity, shift and the fleet limit. Jobs that cannot fit come back in `unassigned` with a
 * reason. Anytime: stops at the time budget or the iteration cap, whichever comes first, and
 * returns the best plan found. Synchronous and CPU-bound — call it through solveInWorker from
 * a request handler.
 */
export function solveVrptw(
  problem: VrpProblem,
  options: SolveOptions = {},
  tuning: SolverTuning = defaultTuning,
): VrpPlan {
  const started = performance.now();
  const budget =
    options.timeBudgetMs ?? (options.maxIterations === undefined ? DEFAULT_BUDGET_MS : Infinity);
  const deadline = started + budget;
  const rng = createRng(options.seed ?? 1);
  const m = compileModel(problem, options.fixedPrefix);

  const ws = new Workspace(m, createEmptySolution(m));
  constructRegret(m, ws, ws.sol.unassigned.splice(0));
  localSearch(m, ws);
  const initial = ws.snapshot();

  const search: SearchOptions = {
    maxIterations: options.maxIterations ?? Infinity,
    deadline,
    cycleIterations: tuning.cycleIterationsPerJob * Math.max(10, m.nJobs),
    t0: tuning.t0,
    tf: tuning.tf,
    fleetMinimisation: tuning.fleetMinimisation,
  };
  if (tuning.polishBest) search.onImprove = (s) => polish(m, ws, s);
  const movable = m.intrinsic.some((reason, j) => reason === null && !m.locked[j]);
  // Nothing to move: the construction is the answer, do not spin until the deadline.
  const { best, iterations } = movable
    ? annealRuinRecreate(m, initial, rng, search)
    : { best: initial, iterations: 0 };
  // The annealing ends on a ruin-and-recreate optimum; a last descent costs little and
  // sometimes finds a swap or tail exchange that greedy reinsertion cannot express.
  const final = polish(m, ws, best);
  return toPlan(problem, m, final, iterations, performance.now() - started);
}
