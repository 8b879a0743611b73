import { bestInsertion, type Insertion } from './insertion';
import type { Rng } from './prng';
import { isRouteFeasible, jobCount, refreshRoute } from './route-state';
import type { Solution, Workspace } from './solution';
import { startNode, type VrpModel } from './vrp-model';

/** Tuning of the string-removal ruin and the greedy recreate. */
export interface RuinRecreateParams {
  /** Average number of jobs removed per ruin. */
  avgRemoved: number;
  /** Longest string removed from one route. */
  maxStringLength: number;
  /** Probability of the split-string variant (keeps a block in the middle of the string). */
  splitRate: number;
  /** Chance to stop growing the kept block at each step (small = long kept blocks). */
  splitDepth: number;
  /** Probability to skip a position that would otherwise win during recreate. */
  blinkRate: number;
  /** Probability that a ruin empties one whole short route instead (route minimisation). */
  routeRemovalRate: number;
}

export const defaultRuinRecreateParams: RuinRecreateParams = {
  avgRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blinkRate: 0.01,
  routeRemovalRate: 0.05,
};

/**
 * Ruin and recreate by string removals: remove short runs of consecutive stops from a few
 * routes that are close to a random seed job, then reinsert every loose job greedily in a
 * randomly chosen order. Removing strings (rather than scattered jobs) frees contiguous time
 * in neighbouring routes, which is what lets tight time windows be re-packed.
 */
export class RuinRecreate {
  private readonly ruined: Uint8Array;
  private readonly seenEmpty: Uint8Array;
  private readonly removed: number[] = [];
  private readonly ins: Insertion = { vehicle: -1, pos: -1, delta: Infinity };
  private readonly depotDistance: Float64Array;
  private readonly routable: number[] = [];

  constructor(
    private readonly m: VrpModel,
    private readonly rng: Rng,
    private readonly p: RuinRecreateParams = defaultRuinRecreateParams,
  ) {
    this.ruined = new Uint8Array(m.nVehicles);
    this.seenEmpty = new Uint8Array(m.nVehicleClasses);
    this.depotDistance = new Float64Array(m.nJobs);
    for (let j = 0; j < m.nJobs; j++) {
      let best = Infinity;
      for (let v = 0; v < m.nVehicles; v++) {
        best = Math.min(best, m.dist[startNode(m, v) * m.nNodes + j]!);
      }
      this.depotDistance[j] = best;
      if (m.intrinsic[j] === null && !m.locked[j]) this.routable.push(j);
    }
  }

  /** Applies one ruin-and-recreate step to the workspace (based on `base`). */
  step(ws: Workspace, base: Solution): void {
    this.removed.length = 0;
    if (this.rng.next() < this.p.routeRemovalRate) this.ruinRoute(ws, base);
    else this.ruinStrings(ws, base);
    const loose = this.removed;
    for (const j of ws.sol.unassigned) loose.push(j);
    ws.sol.unassigned.length = 0;
    this.recreate(ws, loose);
  }

  /** Greedy insertion of `jobs` in a randomly chosen order; jobs that fit nowhere stay out. */
  recreate(ws: Workspace, jobs: number[]): void {
    this.sortForRecreate(jobs);
    const s = ws.sol;
    for (const j of jobs) {
      bestInsertion(this.m, s, j, this.rng, this.p.blinkRate, this.seenEmpty, this.ins);
      if (this.ins.vehicle >= 0) ws.insert(this.ins.vehicle, this.ins.pos, j);
      else s.unassigned.push(j);
    }
  }

  private sortForRecreate(jobs: number[]): void {
    const rng = this.rng;
    for (let i = jobs.length - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      const t = jobs[i]!;
      jobs[i] = jobs[k]!;
      jobs[k] = t;
    }
    const u = rng.int(11);
    const m = this.m;
    const dd = this.depotDistance;
    // Weights 4:4:2:1 for random, largest first, farthest first, closest first.
    if (u < 4) return;
    if (u < 8) jobs.sort((a, b) => m.size[b]! - m.size[a]!);
    else if (u < 10) jobs.sort((a, b) => dd[b]! - dd[a]!);
    else jobs.sort((a, b) => dd[a]! - dd[b]!);
  }

  private ruinStrings(ws: Workspace, base: Solution): void {
    const m = this.m;
    const rng = this.rng;
    const s = ws.sol;
    if (this.routable.length === 0) return;
    let jobsInRoutes = 0;
    let usedRoutes = 0;
    for (const r of s.routes) {
      const c = jobCount(r) - r.lock;
      if (c > 0) {
        jobsInRoutes += c;
        usedRoutes++;
      }
    }
    if (usedRoutes === 0) return;
    const lsMax = Math.min(this.p.maxStringLength, jobsInRoutes / usedRoutes);
    const ksMax = (4 * this.p.avgRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    const seed = this.routable[rng.int(this.routable.length)]!;
    this.ruined.fill(0);
    let ruinedCount = 0;
    const adj = m.neighbours[seed]!;
    for (let a = 0; a < adj.length && ruinedCount < ks; a++) {
      const c = adj[a]!;
      const v = s.routeOf[c]!;
      if (v < 0 || this.ruined[v]) continue;
      this.ruined[v] = 1;
      ruinedCount++;
      this.removeString(ws, base, v, c, lsMax);
    }
  }

  /**
   * Empties one route, the shortest of three picked at random, so that its
   * jobs must squeeze into the others: the move that lowers the number of routes and, with a
   * tight fleet, makes room for jobs still left out.
   */
  private ruinRoute(ws: Workspace, base: Solution): void {
    const s = ws.sol;
    const used: number[] = [];
    for (let v = 0; v < s.routes.length; v++) {
      const r = s.routes[v]!;
      if (jobCount(r) > r.lock) used.push(v);
    }
    if (used.length === 0) return;
    let pick = used[this.rng.int(used.length)]!;
    for (let t = 0; t < 2; t++) {
      const other = used[this.rng.int(used.length)]!;
      if (jobCount(s.routes[other]!) < jobCount(s.routes[pick]!)) pick = other;
    }
    const r = ws.mutable(pick);
    const before = r.distance;
    const out = r.nodes.splice(r.lock + 1, r.nodes.length - 2 - r.lock);
    refreshRoute(this.m, r);
    if (!isRouteFeasible(this.m, r)) {
      ws.restore(pick, base.routes[pick]!);
      return;
    }
    s.distance += r.distance - before;
    for (const j of out) {
      s.routeOf[j] = -1;
      this.removed.push(j);
    }
  }

  private removeString(ws: Workspace, base: Solution, v: number, c: number, lsMax: number): void {
    const m = this.m;
    const rng = this.rng;
    const r = ws.mutable(v);
    const lo = r.lock + 1;
    const hi = r.nodes.length - 2;
    const free = hi - lo + 1;
    const p = r.nodes.indexOf(c);
    if (free <= 0 || p < lo) return;
    const lMax = Math.min(free, Math.max(1, Math.floor(lsMax)));
    const l = Math.floor(rng.next() * lMax) + 1;
    let from: number;
    let to: number; // inclusive
    let keepFrom = -1;
    let keepTo = -2;
    if (l < free && rng.next() < this.p.splitRate) {
      let kept = 1;
      while (l + kept < free && rng.next() > this.p.splitDepth) kept++;
      const total = l + kept;
      const sMin = Math.max(lo, p - total + 1);
      const sMax = Math.min(p, hi - total + 1);
      from = sMin + rng.int(sMax - sMin + 1);
      to = from + total - 1;
      keepFrom = from + rng.int(l + 1);
      keepTo = keepFrom + kept - 1;
    } else {
      const sMin = Math.max(lo, p - l + 1);
      const sMax = Math.min(p, hi - l + 1);
      from = sMin + rng.int(sMax - sMin + 1);
      to = from + l - 1;
    }
    const before = r.distance;
    const out: number[] = [];
    const kept: number[] = [];
    for (let i = from; i <= to; i++) {
      const j = r.nodes[i]!;
      if (i >= keepFrom && i <= keepTo) kept.push(j);
      else out.push(j);
    }
    r.nodes.splice(from, to - from + 1, ...kept);
    refreshRoute(m, r);
    // With travel times that break the triangle inequality a shortcut can arrive later;
    // such a ruin is simply not done.
    if (!isRouteFeasible(m, r)) {
      ws.restore(v, base.routes[v]!);
      return;
    }
    ws.sol.distance += r.distance - before;
    for (const j of out) {
      ws.sol.routeOf[j] = -1;
      this.removed.push(j);
    }
  }
}
