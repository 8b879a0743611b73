import { endNode, startNode, type VrpModel } from './vrp-model';

/**
 * One vehicle's route with the schedule summaries that make a feasibility check of an
 * insertion O(1): the earliest service start at each position (`fwd`) and the latest service
 * start that still lets every later stop and the return meet their deadlines (`bwd`).
 * Routes are shared between solutions and treated as immutable once recomputed; a change
 * works on a clone (copy-on-write), which keeps keeping a "best" and a "current" cheap.
 */
export interface RouteState {
  vehicle: number;
  /** [start node, ...jobs, end node]. */
  nodes: number[];
  fwd: number[];
  bwd: number[];
  /** Load carried up to and including each position. */
  cumLoad: number[];
  load: number;
  distance: number;
  /** Jobs at positions 1..lock are a fixed prefix and never move. */
  lock: number;
  /** Number of jobs in the route that are tied to a vehicle. */
  pinned: number;
}

/** An empty route for vehicle v, opened with its fixed prefix (if any). */
export function createRoute(m: VrpModel, v: number): RouteState {
  const prefix = m.lockedPrefix[v] ?? [];
  const r: RouteState = {
    vehicle: v,
    nodes: [startNode(m, v), ...prefix, endNode(m, v)],
    fwd: [],
    bwd: [],
    cumLoad: [],
    load: 0,
    distance: 0,
    lock: prefix.length,
    pinned: 0,
  };
  refreshRoute(m, r);
  return r;
}

/** A private copy to modify. */
export function cloneRoute(r: RouteState): RouteState {
  return {
    vehicle: r.vehicle,
    nodes: r.nodes.slice(),
    fwd: r.fwd.slice(),
    bwd: r.bwd.slice(),
    cumLoad: r.cumLoad.slice(),
    load: r.load,
    distance: r.distance,
    lock: r.lock,
    pinned: r.pinned,
  };
}

/** Number of jobs on the route. */
export const jobCount = (r: RouteState): number => r.nodes.length - 2;

/** Recomputes schedule summaries, load and distance after `nodes` changed. */
export function refreshRoute(m: VrpModel, r: RouteState): void {
  const { nodes } = r;
  const len = nodes.length;
  const N = m.nNodes;
  const { svcTravel, early, late, dist, size, mustVehicle } = m;
  const fwd = r.fwd;
  const bwd = r.bwd;
  const cum = r.cumLoad;
  // Resize without holes (setting a larger length would make the arrays holey, and slow).
  while (fwd.length < len) fwd.push(0);
  while (bwd.length < len) bwd.push(0);
  while (cum.length < len) cum.push(0);
  fwd.length = len;
  bwd.length = len;
  cum.length = len;
  let prev = nodes[0]!;
  let t = m.shiftStart[r.vehicle]!;
  let load = 0;
  let d = 0;
  let pinned = 0;
  fwd[0] = t;
  cum[0] = 0;
  for (let i = 1; i < len; i++) {
    const node = nodes[i]!;
    const arrive = t + svcTravel[prev * N + node]!;
    const e = early[node]!;
    t = arrive > e ? arrive : e;
    fwd[i] = t;
    d += dist[prev * N + node]!;
    if (i < len - 1) {
      load += size[node]!;
      if (mustVehicle[node]! >= 0) pinned++;
    }
    cum[i] = load;
    prev = node;
  }
  let next = nodes[len - 1]!;
  let lt = late[next]!;
  bwd[len - 1] = lt;
  for (let i = len - 2; i >= 0; i--) {
    const node = nodes[i]!;
    const viaNext = lt - svcTravel[node * N + next]!;
    const l = late[node]!;
    lt = viaNext < l ? viaNext : l;
    bwd[i] = lt;
    next = node;
  }
  r.load = load;
  r.distance = d;
  r.pinned = pinned;
}

/** True when every stop and the return keep their deadlines and the load fits. */
export function isRouteFeasible(m: VrpModel, r: RouteState): boolean {
  if (r.load > m.capacity[r.vehicle]!) return false;
  const { nodes, fwd } = r;
  for (let i = 1; i < nodes.length; i++) {
    // The fixed prefix was decided by the dispatcher; it is kept even if already late.
    if (i <= r.lock) continue;
    if (fwd[i]! > m.late[nodes[i]!]!) return false;
  }
  return true;
}
