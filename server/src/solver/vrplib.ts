import type { VrpJob, VrpProblem, VrpVehicle } from './types';

/** A capacitated VRP with time windows as written in a VRPLIB file (nodes 0-based here). */
export interface VrplibInstance {
  name: string;
  dimension: number;
  /** Fleet limit from the VEHICLES line, or null when the file has none. */
  vehicles: number | null;
  capacity: number;
  /** 0-based index of the depot. */
  depot: number;
  coords: [number, number][];
  demands: number[];
  timeWindows: [number, number][];
  /** Service time per node (0 at the depot). */
  serviceTimes: number[];
  edgeWeightType: string;
}

/** A VRPLIB solution: routes of customer numbers (= 0-based node index) and the stated cost. */
export interface VrplibSolution {
  routes: number[][];
  cost: number | null;
}

/** Parses a VRPLIB instance with NODE_COORD, DEMAND, TIME_WINDOW and DEPOT sections. */
export function parseVrplib(text: string): VrplibInstance {
  const header = new Map<string, string>();
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1]!, kv[2]!.trim());
      current = null;
      continue;
    }
    if (/^[A-Z_]+_SECTION$/.test(line)) {
      current = [];
      sections.set(line, current);
      continue;
    }
    if (current) current.push(line.split(/\s+/));
  }
  const dimension = Number(header.get('DIMENSION'));
  if (!Number.isInteger(dimension) || dimension < 1) throw new Error('VRPLIB: missing DIMENSION');
  const byNode = <T>(name: string, pick: (cols: string[]) => T, fallback: T): T[] => {
    const out = new Array<T>(dimension).fill(fallback);
    for (const cols of sections.get(name) ?? []) {
      const idx = Number(cols[0]) - 1;
      if (idx >= 0 && idx < dimension) out[idx] = pick(cols);
    }
    return out;
  };
  const coordRows = sections.get('NODE_COORD_SECTION');
  if (!coordRows) throw new Error('VRPLIB: missing NODE_COORD_SECTION');
  const coords = byNode<[number, number]>(
    'NODE_COORD_SECTION',
    (c) => [Number(c[1]), Number(c[2])],
    [0, 0],
  );
  const demands = byNode('DEMAND_SECTION', (c) => Number(c[1]), 0);
  const timeWindows = byNode<[number, number]>(
    'TIME_WINDOW_SECTION',
    (c) => [Number(c[1]), Number(c[2])],
    [0, Infinity],
  );
  const depotRows = sections.get('DEPOT_SECTION') ?? [['1']];
  const depot = Number(depotRows[0]?.[0] ?? 1) - 1;
  const scalarService = Number(header.get('SERVICE_TIME') ?? 0);
  const serviceTimes = sections.has('SERVICE_TIME_SECTION')
    ? byNode('SERVICE_TIME_SECTION', (c) => Number(c[1]), 0)
    : new Array<number>(dimension).fill(scalarService);
  serviceTimes[depot] = 0;
  const vehiclesRaw = header.get('VEHICLES');
  return {
    name: header.get('NAME') ?? '',
    dimension,
    vehicles: vehiclesRaw === undefined ? null : Number(vehiclesRaw),
    capacity: Number(header.get('CAPACITY') ?? Infinity),
    depot,
    coords,
    demands,
    timeWindows,
    serviceTimes,
    edgeWeightType: header.get('EDGE_WEIGHT_TYPE') ?? 'EUC_2D',
  };
}

/** Parses "Route #k: 3 7 1" lines and the "Cost" line of a VRPLIB solution. */
export function parseVrplibSolution(text: string): VrplibSolution {
  const routes: number[][] = [];
  let cost: number | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const route = /^Route\s*#\d+\s*:\s*(.*)$/i.exec(line);
    if (route) {
      const ids = route[1]!.trim();
      routes.push(ids === '' ? [] : ids.split(/\s+/).map(Number));
      continue;
    }
    const c = /^Cost\s*:?\s*([-+0-9.eE]+)/i.exec(line);
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}

/**
 * Euclidean length truncated to one decimal, in integer tenths (the DIMACS convention used by
 * the best-known Solomon costs). Integer coordinates are handled exactly, without sqrt rounding.
 */
export function dimacsTenths(a: [number, number], b: [number, number]): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  const sq100 = (dx * dx + dy * dy) * 100;
  let t = Math.floor(Math.sqrt(sq100));
  if (Number.isInteger(sq100)) {
    while (t * t > sq100) t--;
    while ((t + 1) * (t + 1) <= sq100) t++;
  }
  return t;
}

/**
 * Builds a solver problem from an instance: one vehicle per fleet slot at the depot, shift =
 * depot window, and every distance, time, window and service in integer tenths so sums are exact.
 * Job ids are the customer numbers used by VRPLIB solutions.
 */
export function vrplibToProblem(inst: VrplibInstance): VrpProblem {
  const n = inst.dimension;
  const distance: number[][] = [];
  for (let a = 0; a < n; a++) {
    const row: number[] = [];
    for (let b = 0; b < n; b++) row.push(dimacsTenths(inst.coords[a]!, inst.coords[b]!));
    distance.push(row);
  }
  const [depotOpen, depotClose] = inst.timeWindows[inst.depot]!;
  const fleet = inst.vehicles ?? n - 1;
  const vehicles: VrpVehicle[] = [];
  for (let v = 0; v < fleet; v++) {
    vehicles.push({
      id: `v${v + 1}`,
      startIndex: inst.depot,
      endIndex: inst.depot,
      shiftStart: depotOpen * 10,
      shiftEnd: depotClose * 10,
      capacity: inst.capacity,
    });
  }
  const jobs: VrpJob[] = [];
  for (let i = 0; i < n; i++) {
    if (i === inst.depot) continue;
    const [e, l] = inst.timeWindows[i]!;
    jobs.push({
      id: String(i),
      index: i,
      earliest: e * 10,
      latest: l * 10,
      serviceTime: inst.serviceTimes[i]! * 10,
      size: inst.demands[i]!,
    });
  }
  return { vehicles, jobs, distance, time: distance };
}
