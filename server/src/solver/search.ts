import type { Rng } from './prng';
import { RuinRecreate, type RuinRecreateParams, defaultRuinRecreateParams } from './ruin-recreate';
import { solutionCost, unassignedPenalty, Workspace, type Solution } from './solution';
import type { VrpModel } from './vrp-model';

/** When to stop and how hot to search. */
export interface SearchOptions {
  /** Stop after this many iterations. */
  maxIterations: number;
  /** Stop once performance.now() passes this instant. */
  deadline: number;
  /** Iterations per annealing cycle; each cycle cools from t0 to tf and restarts from the best. */
  cycleIterations: number;
  /** Start and end temperature, as fractions of the initial solution's mean edge length. */
  t0: number;
  tf: number;
  ruin?: RuinRecreateParams;
  /** With jobs left out, also accept moves that leave out jobs which are rarely left out. */
  fleetMinimisation?: boolean;
  /** Called on each new best (e.g. to polish it with local search); may return a better one. */
  onImprove?: (s: Solution) => Solution;
}

export interface SearchResult {
  best: Solution;
  iterations: number;
}

/**
 * Simulated annealing over ruin-and-recreate moves. The temperature depends only on the
 * iteration number (never on the clock), so a run's trajectory is a pure function of the
 * problem and the seed and the budget only decides where it stops.
 */
export function annealRuinRecreate(
  m: VrpModel,
  initial: Solution,
  rng: Rng,
  opts: SearchOptions,
): SearchResult {
  const penalty = unassignedPenalty(m);
  const rr = new RuinRecreate(m, rng, opts.ruin ?? defaultRuinRecreateParams);
  let cur = initial;
  let curCost = solutionCost(cur, penalty);
  let best = cur;
  let bestCost = curCost;
  const edges = Math.max(1, countEdges(initial));
  const scale = Math.max(initial.distance / edges, 1e-9);
  const t0 = opts.t0 * scale;
  const tf = opts.tf * scale;
  const ws = new Workspace(m, cur);
  const cycle = Math.max(1, opts.cycleIterations);
  // How often each job has been left out; with a full fleet, leaving out a job that is rarely
  // left out (an easy one) is progress even at equal distance, because it frees the hard ones.
  const absences = new Float64Array(m.nJobs);
  const absenceSum = (s: Solution): number => {
    let sum = 0;
    for (const j of s.unassigned) sum += absences[j]!;
    return sum;
  };
  let it = 0;
  for (; it < opts.maxIterations; it++) {
    if ((it & 15) === 0 && performance.now() > opts.deadline) break;
    const phase = (it % cycle) / cycle;
    if (it > 0 && it % cycle === 0) {
      cur = best;
      curCost = bestCost;
    }
    const temp = t0 * Math.pow(tf / t0, phase);
    ws.reset(cur);
    rr.step(ws, cur);
    const cost = solutionCost(ws.sol, penalty);
    const left = ws.sol.unassigned.length;
    for (const j of ws.sol.unassigned) absences[j]!++;
    const threshold = curCost - temp * Math.log(1 - rng.next());
    const fleetMove =
      opts.fleetMinimisation === true &&
      left > 0 &&
      left === cur.unassigned.length &&
      absenceSum(ws.sol) < absenceSum(cur);
    if (cost < threshold || fleetMove) {
      cur = ws.snapshot();
      curCost = cost;
      if (cost < bestCost - 1e-9) {
        if (opts.onImprove) {
          cur = opts.onImprove(cur);
          curCost = solutionCost(cur, penalty);
        }
        best = cur;
        bestCost = curCost;
      }
    }
  }
  return { best, iterations: it };
}

function countEdges(s: Solution): number {
  let e = 0;
  for (const r of s.routes) if (r.nodes.length > 2) e += r.nodes.length - 1;
  return e;
}
