import type { Rng } from './prng';
import type { RouteState } from './route-state';
import type { Solution } from './solution';
import type { VrpModel } from './vrp-model';

/** Where a job goes: vehicle, position (before nodes[pos]) and the added distance. */
export interface Insertion {
  vehicle: number;
  pos: number;
  delta: number;
}

/**
 * Cheapest feasible place for job j in one route, or delta = Infinity. Uses the route's
 * forward/backward schedule summaries, so each position costs O(1).
 *
 * `blink` > 0 skips each otherwise-better position with that probability, which randomises
 * the greedy recreate a little (the random draw is only needed when a position would win).
 */
export function bestInRoute(
  m: VrpModel,
  r: RouteState,
  j: number,
  out: Insertion,
  rng: Rng | null,
  blink: number,
): void {
  const N = m.nNodes;
  const { dist, svcTravel } = m;
  const { nodes, fwd, bwd } = r;
  const ej = m.early[j]!;
  const lj = m.late[j]!;
  const rowJ = j * N;
  const last = nodes.length - 1;
  let a = nodes[r.lock]!;
  for (let i = r.lock; i < last; i++) {
    const b = nodes[i + 1]!;
    const arrive = fwd[i]! + svcTravel[a * N + j]!;
    // Service starts only get later along a route, so once j is missed here it is missed
    // for every later position too (with travel times that obey the triangle inequality).
    if (arrive > lj) break;
    const delta = dist[a * N + j]! + dist[rowJ + b]! - dist[a * N + b]!;
    if (delta < out.delta) {
      const start = arrive > ej ? arrive : ej;
      if (start + svcTravel[rowJ + b]! <= bwd[i + 1]! && (rng === null || rng.next() >= blink)) {
        out.delta = delta;
        out.vehicle = r.vehicle;
        out.pos = i + 1;
      }
    }
    a = b;
  }
}

/**
 * Cheapest feasible insertion of j over the whole solution. Empty routes of interchangeable
 * vehicles are tried once (the first of each class), since opening any of them is the same.
 */
export function bestInsertion(
  m: VrpModel,
  s: Solution,
  j: number,
  rng: Rng | null,
  blink: number,
  seenEmpty: Uint8Array,
  out: Insertion,
): Insertion {
  out.vehicle = -1;
  out.pos = -1;
  out.delta = Infinity;
  const must = m.mustVehicle[j]!;
  const size = m.size[j]!;
  if (must >= 0) {
    const r = s.routes[must]!;
    if (r.load + size <= m.capacity[must]!) bestInRoute(m, r, j, out, rng, blink);
    return out;
  }
  seenEmpty.fill(0);
  const routes = s.routes;
  for (let v = 0; v < routes.length; v++) {
    const r = routes[v]!;
    if (r.load + size > m.capacity[v]!) continue;
    if (r.nodes.length === 2) {
      const c = m.vehicleClass[v]!;
      if (seenEmpty[c]) continue;
      seenEmpty[c] = 1;
    }
    bestInRoute(m, r, j, out, rng, blink);
  }
  return out;
}
