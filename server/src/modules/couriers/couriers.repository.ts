import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client';
import { courierPositions, courierStatus, units, users } from '../../db/schema';

export type CourierRow = {
  id: string;
  fullName: string;
  unitId: string;
  unitName: string;
  onDuty: boolean | null;
  onDutySince: Date | null;
  shiftEnd: string | null;
  lastLat: number | null;
  lastLng: number | null;
  lastAccuracy: number | null;
  lastAt: Date | null;
};

/** Active couriers of the units with their duty status and last stored position. */
export async function findCouriers(db: DbOrTx, unitIds: string[]): Promise<CourierRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: users.id,
      fullName: users.fullName,
      unitId: users.unitId,
      unitName: units.name,
      onDuty: courierStatus.onDuty,
      onDutySince: courierStatus.onDutySince,
      shiftEnd: courierStatus.shiftEnd,
      lastLat: courierStatus.lastLat,
      lastLng: courierStatus.lastLng,
      lastAccuracy: courierStatus.lastAccuracy,
      lastAt: courierStatus.lastAt,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .leftJoin(courierStatus, eq(courierStatus.courierId, users.id))
    .where(
      and(eq(users.role, 'courier'), eq(users.disabled, false), inArray(users.unitId, unitIds)),
    )
    .orderBy(users.fullName);
}

/** A user's id, unit, role and name (is it a courier, and whose?). */
export async function findUserBrief(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: users.id, unitId: users.unitId, role: users.role, fullName: users.fullName })
      .from(users)
      .where(eq(users.id, id))
      .limit(1)
  )[0];
}

/** Starts or ends a shift; saying "on duty" twice keeps the shift's start. */
export async function upsertDuty(
  db: DbOrTx,
  courierId: string,
  onDuty: boolean,
  shiftEnd: string | null,
  now: Date,
): Promise<void> {
  await db
    .insert(courierStatus)
    .values({ courierId, onDuty, onDutySince: onDuty ? now : null, shiftEnd })
    .onConflictDoUpdate({
      target: courierStatus.courierId,
      set: {
        onDuty,
        onDutySince: onDuty
          ? sql`case when ${courierStatus.onDuty} then ${courierStatus.onDutySince} else ${now.toISOString()}::timestamptz end`
          : null,
        shiftEnd,
        updatedAt: now,
      },
    });
}

/** Takes a courier off duty. */
export async function setOffDuty(db: DbOrTx, courierId: string): Promise<void> {
  await db
    .update(courierStatus)
    .set({ onDuty: false, onDutySince: null, shiftEnd: null, updatedAt: new Date() })
    .where(eq(courierStatus.courierId, courierId));
}

/** A courier's breadcrumbs between two instants, oldest first (at most 5,000). */
export async function findTrail(db: DbOrTx, courierId: string, from: Date, to: Date) {
  return db
    .select()
    .from(courierPositions)
    .where(
      and(
        eq(courierPositions.courierId, courierId),
        sql`${courierPositions.at} between ${from.toISOString()}::timestamptz and ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(courierPositions.at)
    .limit(5000);
}

/** Deletes breadcrumbs older than `cutoff`; returns how many. */
export async function deletePositionsBefore(db: DbOrTx, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(courierPositions)
    .where(lt(courierPositions.at, cutoff))
    .returning({ id: courierPositions.id });
  return deleted.length;
}

/** Every courier's duty flag and last position (the position store loads them once). */
export function findCourierStatuses(db: Db) {
  return queryRows<{
    courier_id: string;
    on_duty: boolean;
    last_lat: number | null;
    last_lng: number | null;
    last_accuracy: number | null;
    last_at: Date | string | null;
  }>(
    db,
    sql`select courier_id, on_duty, last_lat, last_lng, last_accuracy, last_at from courier_status`,
  );
}

export type NewPositionRow = typeof courierPositions.$inferInsert;

/** Writes a batch of breadcrumbs. */
export async function insertPositions(db: Db, rows: NewPositionRow[]): Promise<void> {
  await db.insert(courierPositions).values(rows);
}

/** Copies last positions to `courier_status`, never over a newer one. */
export async function upsertLastPositions(
  db: Db,
  lasts: { id: string; lat: number; lng: number; accuracy: number | null; at: number }[],
): Promise<void> {
  const values = sql.join(
    lasts.map(
      (p) =>
        sql`(${p.id}::uuid, ${p.lat}::float8, ${p.lng}::float8, ${p.accuracy}::float8, ${new Date(p.at).toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into courier_status (courier_id, last_lat, last_lng, last_accuracy, last_at)
    values ${values}
    on conflict (courier_id) do update set
      last_lat = excluded.last_lat, last_lng = excluded.last_lng,
      last_accuracy = excluded.last_accuracy, last_at = excluded.last_at, updated_at = now()
    where courier_status.last_at is null or courier_status.last_at < excluded.last_at`);
}
