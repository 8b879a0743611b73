import type { DbOrTx } from '../db/client';
import { databaseOf } from '../lib/unit-of-work';
import { listUnitChainIds } from '../modules/units/units.service';
import { rooms } from './rooms';

type ChainCache = Map<string, { ids: string[]; at: number }>;
const CACHE = Symbol('unit chain cache');
const TTL_MS = 60_000;

/**
 * Unit chains cached on the app's database handle: one cache per app's database, none shared by
 * the process. A transaction reads and fills the cache of the database it was started on (a
 * transaction handle is new each time, so a cache on it would never be hit again).
 */
function cacheOf(db: DbOrTx): ChainCache {
  const holder = db as unknown as { [CACHE]?: ChainCache };
  return (holder[CACHE] ??= new Map());
}

/** The unit and every unit above it (own first); units change rarely, so a short cache saves a query per event. */
export async function unitAndAncestors(db: DbOrTx, unitId: string): Promise<string[]> {
  const appDb = databaseOf(db);
  const cache = cacheOf(appDb);
  const hit = cache.get(unitId);
  if (hit) {
    // Stale-while-revalidate: the position hot path never waits on the database for this.
    // The refresh runs on the app's database: the caller's transaction may be over by then.
    if (Date.now() - hit.at > TTL_MS) {
      hit.at = Date.now();
      void loadChain(appDb, cache, unitId).catch(() => undefined);
    }
    return hit.ids;
  }
  return loadChain(db, cache, unitId);
}

async function loadChain(db: DbOrTx, cache: ChainCache, unitId: string): Promise<string[]> {
  const ids = await listUnitChainIds(db, unitId);
  cache.set(unitId, { ids, at: Date.now() });
  return ids;
}

/** Roles that follow the jobs of their unit and the units below it. */
const JOB_WATCHERS = ['dispatcher', 'operator', 'manager', 'admin'];
/** Roles that follow couriers' positions. */
const MAP_WATCHERS = ['dispatcher', 'manager', 'admin'];

/** Rooms that get `jobs.updated` for a job of `unitChain[0]` (never the plain unit room: other couriers must not see it). */
export function jobRooms(unitChain: string[], courierIds: (string | null | undefined)[]): string[] {
  const out = unitChain.flatMap((u) => JOB_WATCHERS.map((r) => rooms.unitRole(u, r)));
  for (const c of courierIds) if (c) out.push(rooms.user(c));
  return [...new Set(out)];
}

/** Rooms that get `couriers.moved` for a courier of `unitChain[0]`. */
export function courierRooms(unitChain: string[]): string[] {
  return unitChain.flatMap((u) => MAP_WATCHERS.map((r) => rooms.unitRole(u, r)));
}
