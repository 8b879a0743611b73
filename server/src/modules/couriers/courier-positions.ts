import type { PositionInput, PostPositionsResult } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, notFound, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { pruneIdempotencyKeys } from '../../lib/idempotency';
import { logger } from '../../lib/logger';
import { assertCan } from '../../policies';
import { getSetting, SETTINGS } from '../settings/settings.service';
import { COURIER, type CouriersContext } from './courier-status';
import { deletePositionsBefore, findTrail, findUserBrief } from './couriers.repository';
import type { AcceptResult, PositionStore } from './position-store';

type Refusal = Exclude<AcceptResult, { ok: true }>['code'];

const POSITION_ERRORS: Record<Refusal, LocalizedText> = {
  position_in_future: {
    vi: 'Thời điểm của vị trí ở tương lai; hãy kiểm tra đồng hồ điện thoại.',
    en: 'The position is timestamped in the future; check the phone clock.',
  },
  position_too_old: {
    vi: 'Vị trí quá cũ (hơn 7 ngày) nên không được ghi nhận.',
    en: 'The position is too old (over 7 days) and was not recorded.',
  },
  position_out_of_range: {
    vi: 'Tọa độ nằm ngoài phạm vi hợp lệ.',
    en: 'The coordinates are out of range.',
  },
  courier_off_duty: {
    vi: 'Bạn đang ngoài ca nên vị trí không được ghi nhận. Hãy bắt đầu ca trước.',
    en: 'You are off duty, so positions are not recorded. Start your shift first.',
  },
};

/** The message and status for a refused fix (socket acks and HTTP share them). */
export function positionError(code: Refusal): AppError {
  return new AppError(code === 'courier_off_duty' ? 409 : 400, code, POSITION_ERRORS[code]);
}

/** Records the calling courier's fixes (HTTP fallback of the socket message); the whole batch is checked first. */
export async function recordPositions(
  { positions }: CouriersContext,
  auth: AuthContext,
  fixes: PositionInput[],
): Promise<PostPositionsResult> {
  assertCan(auth, 'couriers.self');
  await positions.ensureLoaded();
  const now = Date.now();
  let accepted = 0;
  let flagged = 0;
  const sorted = [...fixes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const fix of sorted) {
    const r = await positions.accept({ id: auth.user.id, unitId: auth.user.unitId }, fix, now);
    if (!r.ok) {
      if (accepted === 0 || r.code !== 'courier_off_duty') throw positionError(r.code);
      break;
    }
    accepted++;
    if (r.flagged) flagged++;
  }
  return { accepted, flagged };
}

/** A courier's breadcrumb trail between two instants (dispatchers, managers), oldest first. */
export async function getTrail(
  { db, positions }: CouriersContext,
  auth: AuthContext,
  courierId: string,
  from: Date,
  to: Date,
) {
  const courier = await findUserBrief(db, courierId);
  if (!courier || courier.role !== 'courier') throw notFound(COURIER);
  assertCan(auth, 'couriers.trail', courier);
  await positions.flush();
  const rows = await findTrail(db, courierId, from, to);
  return rows.map((r) => ({
    lat: r.lat,
    lng: r.lng,
    accuracy: r.accuracy,
    at: r.at.toISOString(),
    speedKmh: r.speedKmh,
    flagged: r.flagged,
  }));
}

/** Days of breadcrumbs kept when the admin has not set `position_retention_days`. */
export const DEFAULT_POSITION_RETENTION_DAYS = SETTINGS.position_retention_days.fallback;

/** Deletes breadcrumbs older than the retention, and stale idempotency answers. */
export async function prunePositions(db: Db, now = new Date()): Promise<number> {
  const days = await getSetting(db, 'position_retention_days');
  const cutoff = new Date(now.getTime() - Math.max(1, days) * 24 * 3600_000);
  const deleted = await deletePositionsBefore(db, cutoff);
  await pruneIdempotencyKeys(db, now);
  return deleted;
}

/** Starts the periodic retention task (main.ts); returns a stop function that also flushes positions. */
export function startCourierHousekeeping(
  db: Db,
  positions: PositionStore,
  everyMs = 60 * 60_000,
): () => Promise<void> {
  const run = () =>
    prunePositions(db)
      .then((n) => n > 0 && logger.info({ deleted: n }, 'old courier positions deleted'))
      .catch((err) => logger.error({ err }, 'position retention failed'));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await positions.close();
  };
}
