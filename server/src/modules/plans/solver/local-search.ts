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
export function localSearch(m: VrpModel, ws: Workspace): void {
  const ls = new Descent(m, ws);
  ls.run();
}

class Descent {
  private readonly N: number;

  constructor(
    private readonly m: VrpModel,
    private readonly ws: Workspace,
  ) {
    this.N = m.nNodes;
  }

  private d(a: number, b: number): number {
    return this.m.dist[a * this.N + b]!;
  }

  run(): void {
    const m = this.m;
    let improved = true;
    let guard = 0;
    while (improved && guard++ < 1000) {
      improved = false;
      for (let u = 0; u < m.nJobs; u++) {
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
    for (let a = 0; a < limit; a++) {
      const w = adj[a]!;
      if (w === u || s.routeOf[w]! < 0 || s.routeOf[u]! < 0) continue;
      if (this.tryRelocate(u, w)) return true;
      if (this.trySwap(u, w)) return true;
      if (this.tryTwoOptStar(u, w)) return true;
      if (this.tryTwoOpt(u, w)) return true;
    }
    return false;
  }

  private where(j: number): { r: RouteState; i: number } {
    const r = this.ws.sol.routes[this.ws.sol.routeOf[j]!]!;
    return { r, i: r.nodes.indexOf(j) };
  }

  /** Moves a string of 1–3 jobs starting at u to right after w or right before w. */
  private tryRelocate(u: number, w: number): boolean {
    const A = this.where(u);
    const B = this.where(w);
    const a = A.r.nodes;
    for (let len = 1; len <= 3; len++) {
      const last = A.i + len - 1;
      if (last > a.length - 2) break;
      if (A.r === B.r && B.i >= A.i && B.i <= last) break;
      const p = a[A.i - 1]!;
      const first = a[A.i]!;
      const lastNode = a[last]!;
      const nx = a[last + 1]!;
      const removeGain = this.d(p, first) + this.d(lastNode, nx) - this.d(p, nx);
      const segment = a.slice(A.i, last + 1);
      for (const after of [true, false]) {
        const b = B.r.nodes;
        const x = after ? w : b[B.i - 1]!;
        const y = after ? b[B.i + 1]! : w;
        if (y === undefined || (after ? B.i : B.i - 1) < B.r.lock) continue;
        if (A.r === B.r && (x === lastNode || y === first)) continue;
        for (const reversed of [false, true]) {
          if (reversed && len === 1) continue;
          const head = reversed ? lastNode : first;
          const tail = reversed ? first : lastNode;
          const addCost = this.d(x, head) + this.d(tail, y) - this.d(x, y);
          const innerOld = reversed ? this.innerDistance(segment) : 0;
          const innerNew = reversed ? this.innerDistance(segment.slice().reverse()) : 0;
          const delta = addCost - removeGain + innerNew - innerOld;
          if (delta >= -EPS) continue;
          const seg = reversed ? segment.slice().reverse() : segment;
          if (A.r === B.r) {
            const rest = a.filter((_, k) => k < A.i || k > last);
            const at = rest.indexOf(x) + 1;
            rest.splice(at, 0, ...seg);
            if (this.commit([[A.r.vehicle, rest]])) return true;
          } else {
            const newA = a.slice(0, A.i).concat(a.slice(last + 1));
            const at = after ? B.i + 1 : B.i;
            const newB = b.slice(0, at).concat(seg, b.slice(at));
            if (
              this.commit([
                [A.r.vehicle, newA],
                [B.r.vehicle, newB],
              ])
            )
              return true;
          }
        }
      }
    }
    return false;
  }

  /** Exchanges u and w between two routes. */
  private trySwap(u: number, w: number): boolean {
    const A = this.where(u);
    const B = this.where(w);
    if (A.r === B.r) return false;
    const a = A.r.nodes;
    const b = B.r.nodes;
    const pa = a[A.i - 1]!;
    const na = a[A.i + 1]!;
    const pb = b[B.i - 1]!;
    const nb = b[B.i + 1]!;
    const delta =
      this.d(pa, w) +
      this.d(w, na) -
      this.d(pa, u) -
      this.d(u, na) +
      (this.d(pb, u) + this.d(u, nb) - this.d(pb, w) - this.d(w, nb));
    if (delta >= -EPS) return false;
    const newA = a.slice();
    newA[A.i] = w;
    const newB = b.slice();
    newB[B.i] = u;
    return this.commit([
      [A.r.vehicle, newA],
      [B.r.vehicle, newB],
    ]);
  }

  /** Reconnects two routes so that u is followed by w; the tails are exchanged. */
  private tryTwoOptStar(u: number, w: number): boolean {
    const A = this.where(u);
    const B = this.where(w);
    if (A.r === B.r) return false;
    const a = A.r.nodes;
    const b = B.r.nodes;
    if (B.i - 1 < B.r.lock) return false;
    const ua = a[A.i + 1]!;
    const pw = b[B.i - 1]!;
    const endA = a[a.length - 1]!;
    const endB = b[b.length - 1]!;
    const tailA = a.slice(A.i + 1, a.length - 1);
    const tailB = b.slice(B.i, b.length - 1);
    const delta =
      this.d(u, w) +
      this.d(pw, ua === endA ? endB : ua) -
      this.d(u, ua) -
      this.d(pw, w) +
      (tailB.length
        ? this.d(tailB[tailB.length - 1]!, endA) - this.d(tailB[tailB.length - 1]!, endB)
        : 0) +
      (tailA.length
        ? this.d(tailA[tailA.length - 1]!, endB) - this.d(tailA[tailA.length - 1]!, endA)
        : 0);
    if (delta >= -EPS) return false;
    const newA = a.slice(0, A.i + 1).concat(tailB, [endA]);
    const newB = b.slice(0, B.i).concat(tailA, [endB]);
    return this.commit([
      [A.r.vehicle, newA],
      [B.r.vehicle, newB],
    ]);
  }

  /** Reverses the stretch between u and w when they share a route. */
  private tryTwoOpt(u: number, w: number): boolean {
    const A = this.where(u);
    const B = this.where(w);
    if (A.r !== B.r) return false;
    const lo = Math.min(A.i, B.i);
    const hi = Math.max(A.i, B.i);
    if (hi - lo < 1) return false;
    const a = A.r.nodes;
    const candidate = a.slice(0, lo).concat(a.slice(lo, hi + 1).reverse(), a.slice(hi + 1));
    const delta =
      this.pathDistance(candidate, lo - 1, hi + 1) - this.pathDistance(a, lo - 1, hi + 1);
    if (delta >= -EPS) return false;
    return this.commit([[A.r.vehicle, candidate]]);
  }

  private innerDistance(seg: number[]): number {
    let d = 0;
    for (let k = 1; k < seg.length; k++) d += this.d(seg[k - 1]!, seg[k]!);
    return d;
  }

  private pathDistance(nodes: number[], from: number, to: number): number {
    let d = 0;
    for (let k = from + 1; k <= to; k++) d += this.d(nodes[k - 1]!, nodes[k]!);
    return d;
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
