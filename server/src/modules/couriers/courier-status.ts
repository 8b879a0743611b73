import {
  sortNaturally,
  type Courier,
  type CouriersDutyPayload,
  type SetDutyInput,
} from '@tannha/shared';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { assertCan } from '../../policies';
import { publish } from '../../realtime/bus';
import { courierRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { countOpenJobsByCourier } from '../jobs/jobs.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { findCouriers, upsertDuty, type CourierRow } from './couriers.repository';
import type { PositionStore } from './position-store';

/** What the couriers module works with: the database and the app's live position store. */
export type CouriersContext = { db: Db; positions: PositionStore };

export const COURIER = { vi: 'Bưu tá', en: 'Courier' };
const DEFAULT_SHIFT_END = '17:30';

/** API shape of a courier; the in-memory position is up to a second fresher than the row. */
export function presentCourier(positions: PositionStore, r: CourierRow, open: number): Courier {
  const live = positions.lastOf(r.id);
  const position = live
    ? { lat: live.lat, lng: live.lng, accuracy: live.accuracy, at: new Date(live.at).toISOString() }
    : r.lastLat !== null && r.lastLng !== null && r.lastAt
      ? { lat: r.lastLat, lng: r.lastLng, accuracy: r.lastAccuracy, at: r.lastAt.toISOString() }
      : null;
  return {
    id: r.id,
    fullName: r.fullName,
    unitId: r.unitId,
    unitName: r.unitName,
    onDuty: r.onDuty ?? false,
    onDutySince: r.onDutySince?.toISOString() ?? null,
    shiftEnd: r.shiftEnd,
    position,
    openJobs: open,
  };
}

/** Couriers of the units with their open-job counts. */
export async function couriersWithLoad(db: DbOrTx, unitIds: string[]) {
  const rows = sortNaturally(await findCouriers(db, unitIds), (r) => r.fullName);
  const counts = await countOpenJobsByCourier(
    db,
    rows.map((r) => r.id),
  );
  return { rows, counts };
}

/** Couriers of the caller's units (or of `unitId` and below) with duty status, last position and open jobs. */
export async function listCouriers(
  { db, positions }: CouriersContext,
  auth: AuthContext,
  query: { unitId?: string | undefined; onDuty?: boolean | undefined },
): Promise<Courier[]> {
  let unitIds = [...auth.unitIds];
  if (query.unitId) {
    assertCan(auth, 'couriers.list', { unitId: query.unitId });
    unitIds = await findUnitSubtreeIds(db, query.unitId);
  }
  const { rows, counts } = await couriersWithLoad(db, unitIds);
  const out = rows.map((r) => presentCourier(positions, r, counts.get(r.id) ?? 0));
  return query.onDuty === undefined ? out : out.filter((c) => c.onDuty === query.onDuty);
}

/** The calling courier's own status. */
export async function getOwnStatus(
  { db, positions }: CouriersContext,
  auth: AuthContext,
): Promise<Courier> {
  const [row] = (await findCouriers(db, [auth.user.unitId])).filter((r) => r.id === auth.user.id);
  if (!row) throw notFound(COURIER);
  const counts = await countOpenJobsByCourier(db, [row.id]);
  return presentCourier(positions, row, counts.get(row.id) ?? 0);
}

/** Tells the position store and the dispatchers (after commit) that a courier's duty changed. */
export async function announceDuty(
  tx: Tx,
  positions: PositionStore,
  payload: CouriersDutyPayload,
): Promise<void> {
  const chain = await unitAndAncestors(tx, payload.unitId);
  afterCommit(tx, () => {
    positions.setDuty(payload.courierId, payload.onDuty);
    publish({
      rooms: courierRooms(chain),
      event: 'couriers.duty',
      payload,
      scope: { ability: 'couriers.list', record: { unitId: payload.unitId } },
    });
  });
}

/** Starts or ends the calling courier's shift; dispatchers see it at once. */
export async function setDuty(
  ctx: CouriersContext,
  auth: AuthContext,
  input: SetDutyInput,
): Promise<Courier> {
  assertCan(auth, 'couriers.self');
  const now = new Date();
  const shiftEnd = input.onDuty ? (input.shiftEnd ?? DEFAULT_SHIFT_END) : null;
  await runTransaction(ctx.db, async (tx) => {
    await upsertDuty(tx, auth.user.id, input.onDuty, shiftEnd, now);
    await announceDuty(tx, ctx.positions, {
      courierId: auth.user.id,
      unitId: auth.user.unitId,
      onDuty: input.onDuty,
      shiftEnd,
    });
  });
  return getOwnStatus(ctx, auth);
}
