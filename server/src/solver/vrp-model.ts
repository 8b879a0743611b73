import type { UnassignedReason, VrpProblem } from './types';

/**
 * The problem compiled into flat typed arrays over "nodes": jobs are nodes 0..n-1 and vehicle
 * v owns a start node n+2v and an end node n+2v+1. Node-to-node matrices let the hot loops
 * look up travel without a location indirection, and the travel-time matrix already includes
 * the service time at the node it leaves from.
 */
export interface VrpModel {
  nJobs: number;
  nVehicles: number;
  nNodes: number;
  /** Distance node→node, row-major nNodes × nNodes. */
  dist: Float64Array;
  /** Service time at the from-node plus travel time node→node. */
  svcTravel: Float64Array;
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  size: Float64Array;
  capacity: Float64Array;
  shiftStart: Float64Array;
  /** Job → the only vehicle allowed to serve it, or -1. */
  mustVehicle: Int32Array;
  /** Vehicles with equal start, end, shift and capacity share a class (empty routes are interchangeable). */
  vehicleClass: Int32Array;
  nVehicleClasses: number;
  /** Vehicles with the same end place and shift end can swap route tails without re-checking the tail. */
  endClass: Int32Array;
  /** Job → reason it can never be served, or null. */
  intrinsic: (UnassignedReason | null)[];
  /** Vehicle → jobs that must open its route in this order. */
  lockedPrefix: number[][];
  /** Job → true when it belongs to a fixed prefix. */
  locked: Uint8Array;
  /** Job → other routable jobs sorted by closeness (used to pick related jobs to remove). */
  neighbours: Int32Array[];
  /** Longest distance entry, used to scale the penalty for unserved jobs. */
  maxDistance: number;
}

/** Start node of vehicle v. */
export const startNode = (m: VrpModel, v: number): number => m.nJobs + 2 * v;
/** End node of vehicle v. */
export const endNode = (m: VrpModel, v: number): number => m.nJobs + 2 * v + 1;

/** Refuses matrices that are not square and of one size; returns the location count. */
function checkMatrices(problem: VrpProblem): number {
  const { distance, time } = problem;
  const nLoc = distance.length;
  if (time.length !== nLoc) throw new Error('distance and time matrices differ in size');
  for (let i = 0; i < nLoc; i++) {
    if (distance[i]?.length !== nLoc || time[i]?.length !== nLoc) {
      throw new Error(`matrix row ${i} is not of length ${nLoc}`);
    }
  }
  return nLoc;
}

/** The model's per-node and per-vehicle arrays, with each node's location and the id lookups. */
type Nodes = Pick<
  VrpModel,
  'early' | 'late' | 'service' | 'size' | 'capacity' | 'shiftStart' | 'mustVehicle' | 'intrinsic'
> & {
  loc: Int32Array;
  vehicleIdx: Map<string, number>;
  jobIdx: Map<string, number>;
};

/** Lays jobs (nodes 0…n-1) and each vehicle's start and end (n+2v, n+2v+1) out as nodes. */
function layOutNodes(problem: VrpProblem, nLoc: number): Nodes {
  const { vehicles, jobs } = problem;
  const checkIndex = (idx: number, what: string): void => {
    if (!Number.isInteger(idx) || idx < 0 || idx >= nLoc) {
      throw new Error(`${what} has location index ${idx} outside the matrix`);
    }
  };
  const n = jobs.length;
  const k = vehicles.length;
  const nNodes = n + 2 * k;
  const nodes: Nodes = {
    loc: new Int32Array(nNodes),
    early: new Float64Array(nNodes),
    late: new Float64Array(nNodes),
    service: new Float64Array(nNodes),
    size: new Float64Array(nNodes),
    capacity: new Float64Array(k),
    shiftStart: new Float64Array(k),
    vehicleIdx: new Map<string, number>(),
    jobIdx: new Map<string, number>(),
    mustVehicle: new Int32Array(n).fill(-1),
    intrinsic: new Array<UnassignedReason | null>(n).fill(null),
  };
  const { loc, early, late, service, size, vehicleIdx, jobIdx } = nodes;
  vehicles.forEach((veh, v) => {
    if (vehicleIdx.has(veh.id)) throw new Error(`duplicate vehicle id ${veh.id}`);
    vehicleIdx.set(veh.id, v);
    checkIndex(veh.startIndex, `vehicle ${veh.id}`);
    checkIndex(veh.endIndex, `vehicle ${veh.id}`);
    const s = n + 2 * v;
    loc[s] = veh.startIndex;
    loc[s + 1] = veh.endIndex;
    early[s] = veh.shiftStart;
    late[s] = veh.shiftEnd;
    early[s + 1] = veh.shiftStart;
    late[s + 1] = veh.shiftEnd;
    nodes.capacity[v] = veh.capacity;
    nodes.shiftStart[v] = veh.shiftStart;
  });
  jobs.forEach((job, j) => {
    if (jobIdx.has(job.id)) throw new Error(`duplicate job id ${job.id}`);
    jobIdx.set(job.id, j);
    checkIndex(job.index, `job ${job.id}`);
    loc[j] = job.index;
    early[j] = job.earliest;
    late[j] = job.latest;
    service[j] = job.serviceTime;
    size[j] = job.size;
    if (job.mustVehicleId != null) {
      const v = vehicleIdx.get(job.mustVehicleId);
      if (v === undefined) nodes.intrinsic[j] = 'no_eligible_vehicle';
      else nodes.mustVehicle[j] = v;
    }
  });
  return nodes;
}

/** Node-to-node distance and service-plus-travel time, flattened row by row. */
function nodeMatrices(problem: VrpProblem, nodes: Nodes) {
  const { loc, service } = nodes;
  const nNodes = loc.length;
  const dist = new Float64Array(nNodes * nNodes);
  const svcTravel = new Float64Array(nNodes * nNodes);
  let maxDistance = 0;
  for (let a = 0; a < nNodes; a++) {
    const drow = problem.distance[loc[a]!]!;
    const trow = problem.time[loc[a]!]!;
    const sa = service[a]!;
    for (let b = 0; b < nNodes; b++) {
      const d = drow[loc[b]!]!;
      dist[a * nNodes + b] = d;
      svcTravel[a * nNodes + b] = sa + trow[loc[b]!]!;
      if (d > maxDistance) maxDistance = d;
    }
  }
  return { dist, svcTravel, maxDistance };
}

/** Vehicles alike in start, end, shift and capacity share a class (and alike in end, an end class). */
function vehicleClasses(vehicles: VrpProblem['vehicles']) {
  const classKey = new Map<string, number>();
  const endKey = new Map<string, number>();
  const vehicleClass = new Int32Array(vehicles.length);
  const endClass = new Int32Array(vehicles.length);
  vehicles.forEach((veh, v) => {
    const ck = `${veh.startIndex}|${veh.endIndex}|${veh.shiftStart}|${veh.shiftEnd}|${veh.capacity}`;
    if (!classKey.has(ck)) classKey.set(ck, classKey.size);
    vehicleClass[v] = classKey.get(ck)!;
    const ek = `${veh.endIndex}|${veh.shiftEnd}`;
    if (!endKey.has(ek)) endKey.set(ek, endKey.size);
    endClass[v] = endKey.get(ek)!;
  });
  return { vehicleClass, endClass, nVehicleClasses: classKey.size };
}

/** The jobs each vehicle must start with, in order (visits already under way). */
function lockPrefixes(
  fixedPrefix: Record<string, string[]>,
  nodes: Nodes,
  nVehicles: number,
  nJobs: number,
) {
  const lockedPrefix: number[][] = Array.from({ length: nVehicles }, () => []);
  const locked = new Uint8Array(nJobs);
  for (const [vehicleId, ids] of Object.entries(fixedPrefix)) {
    const v = nodes.vehicleIdx.get(vehicleId);
    if (v === undefined) throw new Error(`fixed prefix names unknown vehicle ${vehicleId}`);
    for (const id of ids) {
      const j = nodes.jobIdx.get(id);
      if (j === undefined) throw new Error(`fixed prefix names unknown job ${id}`);
      if (locked[j]) throw new Error(`job ${id} appears in two fixed prefixes`);
      if (nodes.mustVehicle[j]! >= 0 && nodes.mustVehicle[j] !== v) {
        throw new Error(`job ${id} is fixed on ${vehicleId} but must go with another vehicle`);
      }
      locked[j] = 1;
      nodes.intrinsic[j] = null;
      lockedPrefix[v]!.push(j);
    }
  }
  return { lockedPrefix, locked };
}

/**
 * Compiles a problem for the search and classifies jobs no vehicle could ever serve.
 * Throws on malformed input (bad indices, duplicate ids, an unknown id in a fixed prefix):
 * those are caller bugs, not planning outcomes.
 */
export function compileModel(
  problem: VrpProblem,
  fixedPrefix: Record<string, string[]> = {},
): VrpModel {
  const nodes = layOutNodes(problem, checkMatrices(problem));
  const n = problem.jobs.length;
  const k = problem.vehicles.length;
  const { lockedPrefix, locked } = lockPrefixes(fixedPrefix, nodes, k, n);
  const { early, late, service, size, capacity, shiftStart, mustVehicle, intrinsic } = nodes;
  const model: VrpModel = {
    nJobs: n,
    nVehicles: k,
    nNodes: n + 2 * k,
    ...nodeMatrices(problem, nodes),
    early,
    late,
    service,
    size,
    capacity,
    shiftStart,
    mustVehicle,
    ...vehicleClasses(problem.vehicles),
    intrinsic,
    lockedPrefix,
    locked,
    neighbours: [],
  };
  for (let j = 0; j < n; j++) {
    if (!locked[j] && intrinsic[j] === null) intrinsic[j] = intrinsicReason(model, j);
  }
  model.neighbours = buildNeighbours(model);
  return model;
}

/** Why job j cannot be served even alone on an empty route, or null if some vehicle could. */
function intrinsicReason(m: VrpModel, j: number): UnassignedReason | null {
  const must = m.mustVehicle[j]!;
  let sizeFits = false;
  let timeFits = false;
  for (let v = 0; v < m.nVehicles; v++) {
    if (must >= 0 && must !== v) continue;
    const fitsSize = m.size[j]! <= m.capacity[v]!;
    const s = startNode(m, v);
    const e = endNode(m, v);
    const N = m.nNodes;
    const start = Math.max(m.early[j]!, m.shiftStart[v]! + m.svcTravel[s * N + j]!);
    const fitsTime =
      start <= m.late[j]! && start <= m.late[s]! && start + m.svcTravel[j * N + e]! <= m.late[e]!;
    if (fitsSize && fitsTime) return null;
    sizeFits ||= fitsSize;
    timeFits ||= fitsTime;
  }
  if (m.nVehicles === 0 || (must >= 0 && m.nVehicles <= must)) return 'no_eligible_vehicle';
  if (!sizeFits) return 'over_capacity';
  if (!timeFits) return 'time_window_unreachable';
  // Each constraint alone can be met, but not by the same vehicle.
  return 'over_capacity';
}

/** Longest neighbour list kept per job: ruins touch a handful of routes, descents 25 partners. */
const NEIGHBOUR_LIMIT = 160;

function buildNeighbours(m: VrpModel): Int32Array[] {
  const n = m.nJobs;
  const N = m.nNodes;
  const routable: number[] = [];
  for (let j = 0; j < n; j++) if (m.intrinsic[j] === null && !m.locked[j]) routable.push(j);
  const count = routable.length;
  const len = Math.min(count, NEIGHBOUR_LIMIT);
  const keys = new Float64Array(count);
  const sorted = new Float64Array(count);
  const out: Int32Array[] = [];
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < count; k++) {
      const o = routable[k]!;
      // The job itself sorts first so a ruin seeded at j starts with j's own route.
      keys[k] = o === j ? -1 : m.dist[j * N + o]! + m.dist[o * N + j]!;
    }
    // Native numeric sort finds the cut-off; only jobs inside it get the comparator sort.
    sorted.set(keys);
    sorted.sort();
    const cut = len > 0 ? sorted[len - 1]! : -Infinity;
    const near: number[] = [];
    for (let k = 0; k < count; k++) if (keys[k]! <= cut) near.push(k);
    near.sort((a, b) => keys[a]! - keys[b]! || a - b);
    const list = new Int32Array(len);
    for (let k = 0; k < len; k++) list[k] = routable[near[k]!]!;
    out.push(list);
  }
  return out;
}
