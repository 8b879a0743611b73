import { refreshRoute, type RouteState } from './route-state';
import type { Solution, Workspace } from './solution';
import type { VrpModel } from './vrp-model';

/** How many nearest jobs are tried as partners of each job. */
const GRANULARITY = 25;
const EPS = 1e-7;

/**
 * First-improvement descent over the classic neighbourhoods, each restricted to a job's
 * nearest neighbours: relocate (one job, or a string of two or three — or-opt — in either
 * orientation), exchange of two jobs, 2-opt* (swap the tails of two routes) and 2-opt inside
 * one route. Distance deltas are O(1); the schedule is checked only for improving moves,
 * by walking the candidate route, which keeps this exact for any travel-time matrix.
 */
export function localSearch(m: VrpModel, ws: Workspace, maxPairs = DEFAULT_MAX_PAIRS): void {
  const ls = new Descent(m, ws, maxPairs);
  ls.run();
}

/**
 * Work cap of one descent, in (job, partner) pairs examined. A count rather than a clock keeps
 * the result independent of machine speed; it only binds on instances of several hundred jobs.
 */
const DEFAULT_MAX_PAIRS = 150_000;

class Descent {
  private readonly N: number;

  private pairs = 0;

  constructor(
    private readonly m: VrpModel,
    private readonly ws: Workspace,
    private readonly maxPairs: number,
  ) {
    this.N = m.nNodes;
  }

  private d(a: number, b: number): number {
    return this.m.dist[a * this.N + b]!;
  }

  run(): void {
    const m = this.m;
    let improved = true;
    while (improved && this.pairs < this.maxPairs) {
      improved = false;
      for (let u = 0; u < m.nJobs && this.pairs < this.maxPairs; u++) {
        if (m.locked[u] || this.ws.sol.routeOf[u]! < 0) continue;
        if (this.improveAround(u)) improved = true;
      }
    }
  }

  private improveAround(u: number): boolean {
    const m = this.m;
    const s = this.ws.sol;
    const adj = m.neighbours[u]!;
    const limit = Math.min(adj.length, GRANULARITY + 1);
    for (let k = 0; k < limit; k++) {
      const w = adj[k]!;
      if (w === u || s.routeOf[w]! < 0) continue;
      this.pairs++;
      const ra = s.routes[s.routeOf[u]!]!;
      const rb = s.routes[s.routeOf[w]!]!;
      const i = ra.nodes.indexOf(u);
      const j = rb.nodes.indexOf(w);
      if (this.tryRelocate(ra, i, rb, j)) return true;
      if (ra === rb) {
        if (this.tryTwoOpt(ra, i, j)) return true;
      } else {
        if (this.trySwap(ra, i, rb, j)) return true;
        if (this.tryTwoOptStar(ra, i, rb, j)) return true;
      }
    }
    return false;
  }

  /** Distance along a[from..to] walked forwards, or backwards when `reversed`. */
  private stretch(a: number[], from: number, to: number, reversed: boolean): number {
    let d = 0;
    for (let k = from + 1; k <= to; k++)
      d += reversed ? this.d(a[k]!, a[k - 1]!) : this.d(a[k - 1]!, a[k]!);
    return d;
  }

  /**
   * Moves the string of 1–3 jobs starting at position i of route A (job u) to right after or
   * right before w (position j of route B), in either orientation.
   */
  private tryRelocate(A: RouteState, i: number, B: RouteState, j: number): boolean {
    const a = A.nodes;
    const b = B.nodes;
    const same = A === B;
    for (let len = 1; len <= 3; len++) {
      const last = i + len - 1;
      if (last > a.length - 2) break;
      if (same && j >= i && j <= last) break;
      const p = a[i - 1]!;
      const first = a[i]!;
      const lastNode = a[last]!;
      const nx = a[last + 1]!;
      const removeGain = this.d(p, first) + this.d(lastNode, nx) - this.d(p, nx);
      const innerFwd = len > 1 ? this.stretch(a, i, last, false) : 0;
      const innerRev = len > 1 ? this.stretch(a, i, last, true) : 0;
      for (let side = 0; side < 2; side++) {
        const after = side === 0;
        if ((after ? j : j - 1) < B.lock) continue;
        const x = after ? b[j]! : b[j - 1]!;
        const y = after ? b[j + 1]! : b[j]!;
        if (same && (x === lastNode || y === first)) continue;
        for (let rev = 0; rev < (len > 1 ? 2 : 1); rev++) {
          const reversed = rev === 1;
          const head = reversed ? lastNode : first;
          const tail = reversed ? first : lastNode;
          const addCost = this.d(x, head) + this.d(tail, y) - this.d(x, y);
          const delta = addCost - removeGain + (reversed ? innerRev - innerFwd : 0);
          if (delta >= -EPS) continue;
          const seg = a.slice(i, last + 1);
          if (reversed) seg.reverse();
          if (same) {
            const rest = a.slice(0, i).concat(a.slice(last + 1));
            rest.splice(rest.indexOf(x) + 1, 0, ...seg);
            if (this.commit([[A.vehicle, rest]])) return true;
          } else {
            const at = after ? j + 1 : j;
            const newA = a.slice(0, i).concat(a.slice(last + 1));
            const newB = b.slice(0, at).concat(seg, b.slice(at));
            if (
              this.commit([
                [A.vehicle, newA],
                [B.vehicle, newB],
              ])
            )
              return true;
          }
        }
      }
    }
    return false;
  }

  /** Exchanges the jobs at position i of A and j of B. */
  private trySwap(A: RouteState, i: number, B: RouteState, j: number): boolean {
    const a = A.nodes;
    const b = B.nodes;
    const u = a[i]!;
    const w = b[j]!;
    const pa = a[i - 1]!;
    const na = a[i + 1]!;
    const pb = b[j - 1]!;
    const nb = b[j + 1]!;
    const delta =
      this.d(pa, w) +
      this.d(w, na) -
      this.d(pa, u) -
      this.d(u, na) +
      (this.d(pb, u) + this.d(u, nb) - this.d(pb, w) - this.d(w, nb));
    if (delta >= -EPS) return false;
    const newA = a.slice();
    newA[i] = w;
    const newB = b.slice();
    newB[j] = u;
    return this.commit([
      [A.vehicle, newA],
      [B.vehicle, newB],
    ]);
  }

  /** Reconnects two routes so that A's job at i is followed by B's job at j; tails swap. */
  private tryTwoOptStar(A: RouteState, i: number, B: RouteState, j: number): boolean {
    if (j - 1 < B.lock) return false;
    const a = A.nodes;
    const b = B.nodes;
    const u = a[i]!;
    const w = b[j]!;
    const ua = a[i + 1]!;
    const pw = b[j - 1]!;
    const endA = a[a.length - 1]!;
    const endB = b[b.length - 1]!;
    const lastA = a[a.length - 2]!;
    const lastB = b[b.length - 2]!;
    const tailAEmpty = i + 1 === a.length - 1;
    // Both tails change which end place they return to.
    const delta =
      this.d(u, w) +
      this.d(pw, tailAEmpty ? endB : ua) -
      this.d(u, ua) -
      this.d(pw, w) +
      (this.d(lastB, endA) - this.d(lastB, endB)) +
      (tailAEmpty ? 0 : this.d(lastA, endB) - this.d(lastA, endA));
    if (delta >= -EPS) return false;
    const newA = a.slice(0, i + 1).concat(b.slice(j, b.length - 1), [endA]);
    const newB = b.slice(0, j).concat(a.slice(i + 1, a.length - 1), [endB]);
    return this.commit([
      [A.vehicle, newA],
      [B.vehicle, newB],
    ]);
  }

  /** Reverses the stretch between positions i and j of one route. */
  private tryTwoOpt(A: RouteState, i: number, j: number): boolean {
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    if (hi - lo < 1) return false;
    const a = A.nodes;
    const before = this.stretch(a, lo - 1, hi + 1, false);
    const after =
      this.d(a[lo - 1]!, a[hi]!) + this.stretch(a, lo, hi, true) + this.d(a[lo]!, a[hi + 1]!);
    if (after - before >= -EPS) return false;
    const candidate = a.slice(0, lo).concat(a.slice(lo, hi + 1).reverse(), a.slice(hi + 1));
    return this.commit([[A.vehicle, candidate]]);
  }

  /** Applies new node sequences when every changed route stays feasible. */
  private commit(changes: [number, number[]][]): boolean {
    for (const [v, nodes] of changes) if (!this.sequenceFeasible(v, nodes)) return false;
    const s = this.ws.sol;
    for (const [v, nodes] of changes) {
      const r = this.ws.mutable(v);
      const before = r.distance;
      r.nodes = nodes;
      refreshRoute(this.m, r);
      s.distance += r.distance - before;
      for (let k = 1; k < nodes.length - 1; k++) s.routeOf[nodes[k]!] = v;
    }
    return true;
  }

  private sequenceFeasible(v: number, nodes: number[]): boolean {
    const m = this.m;
    const N = this.N;
    const lock = this.ws.sol.routes[v]!.lock;
    let t = m.shiftStart[v]!;
    let load = 0;
    for (let k = 1; k < nodes.length; k++) {
      const node = nodes[k]!;
      const arrive = t + m.svcTravel[nodes[k - 1]! * N + node]!;
      t = Math.max(arrive, m.early[node]!);
      if (k > lock && t > m.late[node]!) return false;
      if (k < nodes.length - 1) {
        load += m.size[node]!;
        const must = m.mustVehicle[node]!;
        if (must >= 0 && must !== v) return false;
      }
    }
    return load <= m.capacity[v]!;
  }
}

/** Runs the descent on a copy of `s` and returns the improved copy. */
export function polish(m: VrpModel, ws: Workspace, s: Solution): Solution {
  ws.reset(s);
  localSearch(m, ws);
  return ws.snapshot();
}
