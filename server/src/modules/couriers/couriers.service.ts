import { and, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import {
  TERMINAL_STATUSES,
  vnDateTimeParts,
  type Courier,
  type CouriersDutyPayload,
  type Job,
  type JobSuggestion,
  type PositionInput,
  type PostPositionsResult,
  type ReassignDayInput,
  type SetDutyInput,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { courierPositions, courierStatus, jobs, units, users } from '../../db/schema';
import { AppError, forbidden, notFound, type LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { pruneIdempotencyKeys } from '../../lib/idempotency';
import { logger } from '../../lib/logger';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { courierRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { assertUnitInScope } from '../units/units.service';
import { findUnitSubtreeIds } from '../units/units.repository';
import { readNumberSetting } from '../jobs/jobs.repository';
import { assignJob, getJob } from '../jobs/jobs.service';
import { haversineKm } from './geo';
import { positionStoreFor, type AcceptResult } from './position-store';

const COURIER = { vi: 'Bưu tá', en: 'Courier' };
const DEFAULT_SHIFT_END = '17:30';
const OPEN = notInArray(jobs.status, [...TERMINAL_STATUSES]);

type CourierRow = {
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

async function findCouriers(db: DbOrTx, unitIds: string[]): Promise<CourierRow[]> {
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

async function openJobCounts(db: DbOrTx, courierIds: string[]): Promise<Map<string, number>> {
  if (courierIds.length === 0) return new Map();
  const rows = await db
    .select({ courierId: jobs.courierId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(jobs)
    .where(and(inArray(jobs.courierId, courierIds), OPEN))
    .groupBy(jobs.courierId);
  return new Map(rows.map((r) => [r.courierId!, r.n]));
}

function present(db: Db, r: CourierRow, open: number): Courier {
  // The in-memory position is up to a second fresher than the row.
  const live = positionStoreFor(db).lastOf(r.id);
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

/** Couriers of the caller's units (or of `unitId` and below) with duty status, last position and open jobs. */
export async function listCouriers(
  db: Db,
  auth: AuthContext,
  query: { unitId?: string | undefined; onDuty?: boolean | undefined },
): Promise<Courier[]> {
  let unitIds = [...auth.unitIds];
  if (query.unitId) {
    assertUnitInScope(auth, query.unitId);
    unitIds = await findUnitSubtreeIds(db, query.unitId);
  }
  const rows = await findCouriers(db, unitIds);
  const counts = await openJobCounts(
    db,
    rows.map((r) => r.id),
  );
  const out = rows.map((r) => present(db, r, counts.get(r.id) ?? 0));
  return query.onDuty === undefined ? out : out.filter((c) => c.onDuty === query.onDuty);
}

/** The calling courier's own status. */
export async function getOwnStatus(db: Db, auth: AuthContext): Promise<Courier> {
  const [row] = await findCouriers(db, [auth.user.unitId]).then((rs) =>
    rs.filter((r) => r.id === auth.user.id),
  );
  if (!row) throw notFound(COURIER);
  const counts = await openJobCounts(db, [row.id]);
  return present(db, row, counts.get(row.id) ?? 0);
}

/** Starts or ends the calling courier's shift; dispatchers see it at once. */
export async function setDuty(db: Db, auth: AuthContext, input: SetDutyInput): Promise<Courier> {
  if (auth.user.role !== 'courier') throw forbidden();
  const now = new Date();
  const shiftEnd = input.onDuty ? (input.shiftEnd ?? DEFAULT_SHIFT_END) : null;
  await runTransaction(db, async (tx) => {
    await tx
      .insert(courierStatus)
      .values({
        courierId: auth.user.id,
        onDuty: input.onDuty,
        onDutySince: input.onDuty ? now : null,
        shiftEnd,
      })
      .onConflictDoUpdate({
        target: courierStatus.courierId,
        set: {
          onDuty: input.onDuty,
          // Saying "on duty" twice keeps the shift's start.
          onDutySince: input.onDuty
            ? sql`case when ${courierStatus.onDuty} then ${courierStatus.onDutySince} else ${now.toISOString()}::timestamptz end`
            : null,
          shiftEnd,
          updatedAt: now,
        },
      });
    const chain = await unitAndAncestors(tx, auth.user.unitId);
    const payload: CouriersDutyPayload = {
      courierId: auth.user.id,
      unitId: auth.user.unitId,
      onDuty: input.onDuty,
      shiftEnd,
    };
    afterCommit(tx, () => {
      positionStoreFor(db).setDuty(auth.user.id, input.onDuty);
      publish({ rooms: courierRooms(chain), event: 'couriers.duty', payload });
    });
  });
  return getOwnStatus(db, auth);
}

const POSITION_ERRORS: Record<Exclude<AcceptResult, { ok: true }>['code'], LocalizedText> = {
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
export function positionError(code: Exclude<AcceptResult, { ok: true }>['code']): AppError {
  return new AppError(code === 'courier_off_duty' ? 409 : 400, code, POSITION_ERRORS[code]);
}

/** Records the calling courier's fixes (HTTP fallback of the socket message); the whole batch is checked first. */
export async function recordPositions(
  db: Db,
  auth: AuthContext,
  fixes: PositionInput[],
): Promise<PostPositionsResult> {
  if (auth.user.role !== 'courier') throw forbidden();
  const store = positionStoreFor(db);
  await store.ensureLoaded();
  const now = Date.now();
  let accepted = 0;
  let flagged = 0;
  const sorted = [...fixes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const fix of sorted) {
    const r = await store.accept({ id: auth.user.id, unitId: auth.user.unitId }, fix, now);
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
export async function getTrail(db: Db, auth: AuthContext, courierId: string, from: Date, to: Date) {
  const courier = (
    await db
      .select({ id: users.id, unitId: users.unitId, role: users.role })
      .from(users)
      .where(eq(users.id, courierId))
      .limit(1)
  )[0];
  if (!courier || courier.role !== 'courier') throw notFound(COURIER);
  assertUnitInScope(auth, courier.unitId);
  await positionStoreFor(db).flush();
  const rows = await db
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
  return rows.map((r) => ({
    lat: r.lat,
    lng: r.lng,
    accuracy: r.accuracy,
    at: r.at.toISOString(),
    speedKmh: r.speedKmh,
    flagged: r.flagged,
  }));
}

/** Minutes from now until a local HH:mm today (negative when it has passed). */
function minutesUntil(hhmm: string, now: Date): number {
  const p = vnDateTimeParts(now);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m - (p.hour * 60 + p.minute);
}

const fmtKm = (km: number, locale: 'vi' | 'en') =>
  locale === 'vi' ? km.toFixed(1).replace('.', ',') : km.toFixed(1);

/**
 * Couriers for a job, best first: on-duty couriers of the job's unit and the units below,
 * ranked by a score in kilometres — the great-circle distance from their last position
 * (unknown counts as 8 km), plus 2 km per open job, plus 5 km when their shift ends within
 * the hour (25 when it has ended), plus 2 km when the position is over 30 minutes old.
 * Each suggestion says why in Vietnamese and English.
 */
export async function suggestCouriers(
  db: Db,
  auth: AuthContext,
  jobId: string,
  now = new Date(),
): Promise<JobSuggestion[]> {
  const job: Job = await getJob(db, auth, jobId);
  const candidates = (await findCouriers(db, await findUnitSubtreeIds(db, job.unitId))).filter(
    (c) => c.onDuty,
  );
  const counts = await openJobCounts(
    db,
    candidates.map((c) => c.id),
  );
  const here = job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;
  const out: JobSuggestion[] = candidates.map((c) => {
    const courier = present(db, c, counts.get(c.id) ?? 0);
    const pos = courier.position;
    const distanceKm = here && pos ? haversineKm(here, pos) : null;
    const ageMin = pos ? (now.getTime() - Date.parse(pos.at)) / 60_000 : null;
    const left = c.shiftEnd ? minutesUntil(c.shiftEnd, now) : null;
    const vi: string[] = [];
    const en: string[] = [];
    if (distanceKm !== null) {
      vi.push(`cách ${fmtKm(distanceKm, 'vi')} km`);
      en.push(`${fmtKm(distanceKm, 'en')} km away`);
    } else if (!pos) {
      vi.push('chưa có vị trí');
      en.push('no position yet');
    } else {
      vi.push('việc chưa có tọa độ');
      en.push('the job has no coordinates');
    }
    const open = courier.openJobs;
    vi.push(open === 0 ? 'đang rảnh' : `${open} việc đang làm`);
    en.push(open === 0 ? 'free' : `${open} open job${open === 1 ? '' : 's'}`);
    let score = (distanceKm ?? 8) + 2 * open;
    if (left !== null && c.shiftEnd) {
      if (left < 0) {
        score += 25;
        vi.push(`ca đã kết thúc lúc ${c.shiftEnd}`);
        en.push(`shift ended at ${c.shiftEnd}`);
      } else if (left < 60) {
        score += 5;
        vi.push(`ca sắp kết thúc (${c.shiftEnd})`);
        en.push(`shift ends soon (${c.shiftEnd})`);
      } else {
        vi.push(`ca đến ${c.shiftEnd}`);
        en.push(`shift until ${c.shiftEnd}`);
      }
    }
    if (ageMin !== null && ageMin > 30) {
      score += 2;
      vi.push(`vị trí cập nhật ${Math.round(ageMin)} phút trước`);
      en.push(`position ${Math.round(ageMin)} min old`);
    }
    return {
      courier: { id: c.id, fullName: c.fullName, unitId: c.unitId, unitName: c.unitName },
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
      openJobs: open,
      onDuty: true,
      shiftEnd: c.shiftEnd,
      lastSeenAt: pos?.at ?? null,
      score: Math.round(score * 100) / 100,
      why: { vi: capitalise(vi.join(' · ')), en: capitalise(en.join(' · ')) },
    };
  });
  return out
    .sort((a, b) => a.score - b.score || a.courier.fullName.localeCompare(b.courier.fullName, 'vi'))
    .slice(0, 10);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Jobs a sick courier can hand over: nothing taken from the citizen or the agency yet. */
const HANDOVER_OK = ['assigned', 'accepted', 'failed_attempt'];

/**
 * A courier falls ill: every open job they have not started physically (assigned,
 * accepted, failed attempt, or on hold from those) goes to `toCourierId`, or back to the
 * pool with `null`, in one transaction. Jobs already under way (papers in hand) are listed
 * as skipped with the reason, for the dispatcher to handle one by one. By default the
 * courier is taken off duty.
 */
export async function reassignDay(
  db: Db,
  auth: AuthContext,
  courierId: string,
  input: ReassignDayInput,
) {
  if (!['dispatcher', 'manager', 'admin'].includes(auth.user.role)) throw forbidden();
  const courier = (
    await db
      .select({ id: users.id, unitId: users.unitId, role: users.role, fullName: users.fullName })
      .from(users)
      .where(eq(users.id, courierId))
      .limit(1)
  )[0];
  if (!courier || courier.role !== 'courier') throw notFound(COURIER);
  assertUnitInScope(auth, courier.unitId);
  if (input.toCourierId === courierId) {
    throw new AppError(
      422,
      'reassign_same_courier',
      { vi: 'Hãy chọn một bưu tá khác.', en: 'Pick a different courier.' },
      { fields: { toCourierId: { vi: 'Trùng bưu tá', en: 'Same courier' } } },
    );
  }
  return runTransaction(db, async (tx) => {
    const open = await tx
      .select({ id: jobs.id, status: jobs.status, heldFrom: jobs.heldFrom, code: jobs.code })
      .from(jobs)
      .where(and(eq(jobs.courierId, courierId), OPEN))
      .orderBy(jobs.code);
    const moved: Job[] = [];
    const skipped: { jobId: string; code: string; status: string; why: LocalizedText }[] = [];
    for (const j of open) {
      const effective = j.status === 'on_hold' ? j.heldFrom : j.status;
      if (!effective || !HANDOVER_OK.includes(effective)) {
        skipped.push({
          jobId: j.id,
          code: j.code,
          status: j.status,
          why: {
            vi: 'Bưu tá đang giữ hồ sơ/kết quả; cần xử lý riêng.',
            en: 'The courier holds the papers; handle it separately.',
          },
        });
        continue;
      }
      moved.push(
        await assignJob(
          db,
          auth,
          j.id,
          { courierId: input.toCourierId, reason: input.reason },
          { tx },
        ),
      );
    }
    if (input.offDuty) {
      await tx
        .update(courierStatus)
        .set({ onDuty: false, onDutySince: null, shiftEnd: null, updatedAt: new Date() })
        .where(eq(courierStatus.courierId, courierId));
      const chain = await unitAndAncestors(tx, courier.unitId);
      afterCommit(tx, () => {
        positionStoreFor(db).setDuty(courierId, false);
        publish({
          rooms: courierRooms(chain),
          event: 'couriers.duty',
          payload: {
            courierId,
            unitId: courier.unitId,
            onDuty: false,
            shiftEnd: null,
          } satisfies CouriersDutyPayload,
        });
      });
    }
    return { moved, skipped };
  });
}

/** Days of breadcrumbs kept when the admin has not set `position_retention_days`. */
export const DEFAULT_POSITION_RETENTION_DAYS = 14;

/** Deletes breadcrumbs older than the retention, and stale idempotency answers. */
export async function prunePositions(db: Db, now = new Date()): Promise<number> {
  const days = await readNumberSetting(
    db,
    'position_retention_days',
    DEFAULT_POSITION_RETENTION_DAYS,
  );
  const cutoff = new Date(now.getTime() - Math.max(1, days) * 24 * 3600_000);
  const deleted = await db
    .delete(courierPositions)
    .where(lt(courierPositions.at, cutoff))
    .returning({ id: courierPositions.id });
  await pruneIdempotencyKeys(db, now);
  return deleted.length;
}

/** Starts the periodic retention task (main.ts); returns a stop function that also flushes positions. */
export function startCourierHousekeeping(db: Db, everyMs = 60 * 60_000): () => Promise<void> {
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
    await positionStoreFor(db).close();
  };
}
