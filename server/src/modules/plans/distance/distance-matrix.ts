/**
 * Distance and travel-time matrices for the route planner: either from a road router that
 * speaks the OSRM table API, or estimated from great-circle distance × a road factor at an
 * average speed. Matrices are memoised by coordinate list in the app's {@link MatrixCache}
 * so re-planning the same day's visits does not ask the router again.
 */

import { haversineMetres, ROAD_FACTOR, type LatLng } from '@tannha/shared';

export { haversineMetres, type LatLng };

export interface MatrixOptions {
  /** Base URL of an OSRM-compatible router (e.g. http://router:5000); none = estimate. */
  osrmUrl?: string;
  /** Road distance ÷ straight-line distance for the estimate (default 1.3). */
  roadFactor?: number;
  /** Average door-to-door speed for the estimate, km/h (default 20: a motorbike in city traffic). */
  speedKmh?: number;
  /** Replaces global fetch (tests, proxies). */
  fetchImpl?: typeof fetch;
  /** Give up on the router after this long and estimate instead (default 5000 ms). */
  timeoutMs?: number;
  /** Most coordinates the router accepts in one table request (default 100, OSRM's default). */
  maxTableSize?: number;
  /** Where answers are memoised (one per app, see {@link createMatrixCache}); none = no memo. */
  cache?: MatrixCache | undefined;
}

export interface DistanceMatrix {
  /** Metres, rounded. */
  distance: number[][];
  /** Seconds, rounded. */
  time: number[][];
  source: 'great_circle' | 'osrm';
  /** Why the router was not used although a URL was given. */
  fallbackReason?: string;
}

const CACHE_LIMIT = 64;

/** Memoised matrices by coordinates and options, most recently used last (bounded). */
export type MatrixCache = { readonly entries: Map<string, Promise<DistanceMatrix>>; limit: number };

/** A fresh matrix memo; `createApp` makes one per app. */
export function createMatrixCache(limit = CACHE_LIMIT): MatrixCache {
  return { entries: new Map(), limit };
}

/** Estimated matrices: haversine × road factor, time at the average speed. */
export function greatCircleMatrix(points: LatLng[], opts: MatrixOptions = {}): DistanceMatrix {
  const factor = opts.roadFactor ?? ROAD_FACTOR;
  const metresPerSecond = ((opts.speedKmh ?? 20) * 1000) / 3600;
  const distance = points.map((a) => points.map((b) => Math.round(haversineMetres(a, b) * factor)));
  const time = distance.map((row) => row.map((d) => Math.round(d / metresPerSecond)));
  return { distance, time, source: 'great_circle' };
}

/**
 * Distance (metres) and travel time (seconds) between every pair of points, indices as given.
 * Uses the router when `osrmUrl` is set and falls back to the estimate — saying so in
 * `source` and `fallbackReason` — if it fails, times out or answers nonsense. Results are
 * memoised by coordinates and options; a fallback is not memoised, so the router is asked
 * again next time.
 */
export function buildMatrix(points: LatLng[], opts: MatrixOptions = {}): Promise<DistanceMatrix> {
  for (const p of points) {
    if (
      !Number.isFinite(p.lat) ||
      !Number.isFinite(p.lng) ||
      Math.abs(p.lat) > 90 ||
      Math.abs(p.lng) > 180
    ) {
      return Promise.reject(new Error(`invalid coordinate ${JSON.stringify(p)}`));
    }
  }
  const cache = opts.cache?.entries;
  if (!cache) return compute(points, opts);
  const key = cacheKey(points, opts);
  let pending = cache.get(key);
  if (pending) {
    // Refresh recency so a busy day's plan stays cached.
    cache.delete(key);
    cache.set(key, pending);
  } else {
    pending = compute(points, opts);
    cache.set(key, pending);
    while (cache.size > opts.cache!.limit) cache.delete(cache.keys().next().value!);
    void pending.then((m) => {
      if (m.source !== 'osrm' && opts.osrmUrl) cache.delete(key);
    });
  }
  return pending.then(copyMatrix);
}

async function compute(points: LatLng[], opts: MatrixOptions): Promise<DistanceMatrix> {
  if (!opts.osrmUrl || points.length < 2) return greatCircleMatrix(points, opts);
  try {
    return await osrmMatrix(points, opts.osrmUrl, opts);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...greatCircleMatrix(points, opts), fallbackReason: reason };
  }
}

interface OsrmTable {
  code?: string;
  message?: string;
  distances?: (number | null)[][];
  durations?: (number | null)[][];
}

async function osrmMatrix(
  points: LatLng[],
  baseUrl: string,
  opts: MatrixOptions,
): Promise<DistanceMatrix> {
  const n = points.length;
  const maxSize = Math.max(2, opts.maxTableSize ?? 100);
  const estimate = greatCircleMatrix(points, opts);
  const distance = points.map(() => new Array<number>(n).fill(0));
  const time = points.map(() => new Array<number>(n).fill(0));
  // Past the router's limit, ask block by block: each request carries one block of sources
  // and one block of destinations.
  const block = n <= maxSize ? n : Math.floor(maxSize / 2);
  for (let r0 = 0; r0 < n; r0 += block) {
    for (let c0 = 0; c0 < n; c0 += block) {
      const rows = range(r0, Math.min(n, r0 + block));
      const cols = range(c0, Math.min(n, c0 + block));
      const table = await requestTable(points, rows, cols, n <= maxSize, baseUrl, opts);
      rows.forEach((i, ri) => {
        cols.forEach((j, ci) => {
          const d = table.distances[ri]![ci];
          const t = table.durations[ri]![ci];
          // The router leaves unroutable pairs empty; estimate just those.
          distance[i]![j] =
            i === j ? 0 : typeof d === 'number' ? Math.round(d) : estimate.distance[i]![j]!;
          time[i]![j] = i === j ? 0 : typeof t === 'number' ? Math.round(t) : estimate.time[i]![j]!;
        });
      });
    }
  }
  return { distance, time, source: 'osrm' };
}

async function requestTable(
  points: LatLng[],
  rows: number[],
  cols: number[],
  whole: boolean,
  baseUrl: string,
  opts: MatrixOptions,
): Promise<{ distances: (number | null)[][]; durations: (number | null)[][] }> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  let coords: number[];
  let query = 'annotations=distance,duration';
  if (whole) {
    coords = rows;
  } else {
    coords = [...rows, ...cols];
    const src = rows.map((_, k) => k).join(';');
    const dst = cols.map((_, k) => rows.length + k).join(';');
    query += `&sources=${src}&destinations=${dst}`;
  }
  const path = coords
    .map((i) => `${points[i]!.lng.toFixed(6)},${points[i]!.lat.toFixed(6)}`)
    .join(';');
  const url = `${baseUrl.replace(/\/+$/, '')}/table/v1/driving/${path}?${query}`;
  const res = await fetchImpl(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) });
  if (!res.ok) throw new Error(`router answered HTTP ${res.status}`);
  const body = (await res.json()) as OsrmTable;
  if (body.code !== 'Ok')
    throw new Error(`router answered ${body.code ?? 'no code'}: ${body.message ?? ''}`.trim());
  const { distances, durations } = body;
  const wellFormed = (m: unknown): m is (number | null)[][] =>
    Array.isArray(m) &&
    m.length === rows.length &&
    m.every((row) => Array.isArray(row) && row.length === cols.length);
  if (!wellFormed(distances) || !wellFormed(durations)) {
    throw new Error('router table is missing distances or durations');
  }
  return { distances, durations };
}

function cacheKey(points: LatLng[], opts: MatrixOptions): string {
  const coords = points.map((p) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`).join(';');
  return `${opts.osrmUrl ?? ''}|${opts.roadFactor ?? ROAD_FACTOR}|${opts.speedKmh ?? 20}|${coords}`;
}

function copyMatrix(m: DistanceMatrix): DistanceMatrix {
  return { ...m, distance: m.distance.map((r) => r.slice()), time: m.time.map((r) => r.slice()) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
