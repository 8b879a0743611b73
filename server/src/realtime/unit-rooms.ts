import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client';
import { rooms } from './rooms';

/** Unit → itself and its ancestors; units change rarely, so a short cache saves a query per event. */
const cache = new Map<string, { ids: string[]; at: number }>();
const TTL_MS = 60_000;

/** The unit and every unit above it (own first). */
export async function unitAndAncestors(db: DbOrTx, unitId: string): Promise<string[]> {
  const hit = cache.get(unitId);
  if (hit) {
    // Stale-while-revalidate: the position hot path never waits on the database for this.
    if (Date.now() - hit.at > TTL_MS) {
      hit.at = Date.now();
      void loadChain(db, unitId).catch(() => undefined);
    }
    return hit.ids;
  }
  return loadChain(db, unitId);
}

async function loadChain(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up as (
      select id, parent_id, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
    )
    select id from up order by depth`,
  );
  const ids = rows.map((r) => r.id);
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
