import {
  POSITION_FUTURE_TOLERANCE_MS,
  POSITION_MAX_PLAUSIBLE_KMH,
  type CouriersMovedPayload,
  type PositionInput,
} from '@tannha/shared';
import { haversineKm } from '@tannha/shared';
import type { Db } from '../../db/client';
import { logger } from '../../lib/logger';
import { publish } from '../../realtime/bus';
import { courierRooms, unitAndAncestors } from '../../realtime/unit-rooms';
import { findCourierStatuses, insertPositions, upsertLastPositions } from './couriers.repository';

/** Fixes older than this are refused (a phone offline for a week is not live tracking). */
const MAX_AGE_MS = 7 * 24 * 3600_000;
/**
 * How often buffered breadcrumbs are written. Small, frequent batches: on the embedded
 * database a write runs on the server's own thread, so a short statement every quarter
 * second stalls live traffic far less than a big one every second.
 */
const FLUSH_EVERY_MS = 250;
/** How often last positions are copied to `courier_status` (live reads come from memory). */
const LAST_EVERY_MS = 5000;
/**
 * Rows per statement when flushing; between statements the store yields to the event
 * loop, so on the embedded database (which runs on this thread) live messages are served
 * between chunks instead of waiting for the whole batch.
 */
const FLUSH_CHUNK = 100;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type LastPosition = { lat: number; lng: number; accuracy: number | null; at: number };

export type AcceptResult =
  | { ok: true; flagged: boolean; speedKmh: number | null }
  | {
      ok: false;
      code:
        'position_in_future' | 'position_too_old' | 'position_out_of_range' | 'courier_off_duty';
    };

type Pending = {
  courierId: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  at: Date;
  receivedAt: Date;
  speedKmh: number | null;
  flagged: boolean;
};

/**
 * The hot path of courier tracking. Positions are checked and kept in memory, broadcast at
 * once, and written to the database in batches (a multi-row INSERT of the trail every
 * quarter second, an UPSERT of last positions every five seconds), never one write per
 * ping. The database therefore lags the live position by a few seconds (reads that matter
 * use the in-memory value); a crash loses at most that much of the trail.
 *
 * One store per app, made by {@link createPositionStore} and handed to whoever needs it.
 */
export class PositionStore {
  private readonly last = new Map<string, LastPosition>();
  private readonly onDuty = new Map<string, boolean>();
  private pending: Pending[] = [];
  private readonly dirty = new Set<string>();
  private loaded: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastWrittenAt = 0;
  /** Counters for the benchmark and logs. */
  readonly stats = { accepted: 0, flagged: 0, rejected: 0, written: 0 };

  constructor(private readonly db: Db) {}

  /** Loads last positions and duty flags once (after a restart, so the speed check has a previous fix). */
  ensureLoaded(): Promise<void> {
    this.loaded ??= (async () => {
      const rows = await findCourierStatuses(this.db);
      for (const r of rows) {
        if (!this.onDuty.has(r.courier_id)) this.onDuty.set(r.courier_id, r.on_duty);
        if (
          r.last_lat !== null &&
          r.last_lng !== null &&
          r.last_at !== null &&
          !this.last.has(r.courier_id)
        ) {
          this.last.set(r.courier_id, {
            lat: r.last_lat,
            lng: r.last_lng,
            accuracy: r.last_accuracy,
            at: new Date(r.last_at).getTime(),
          });
        }
      }
    })().catch((err) => {
      this.loaded = undefined;
      throw err;
    });
    return this.loaded;
  }

  /** Records a duty change made elsewhere (the duty endpoint), so the hot path needs no query. */
  setDuty(courierId: string, onDuty: boolean): void {
    this.onDuty.set(courierId, onDuty);
  }

  isOnDuty(courierId: string): boolean {
    return this.onDuty.get(courierId) ?? false;
  }

  /** The live last position (fresher than the database by up to a second). */
  lastOf(courierId: string): LastPosition | undefined {
    return this.last.get(courierId);
  }

  /**
   * Checks one fix and, when it is the newest plausible one, makes it the courier's last
   * position and tells the dispatchers of the courier's unit and the units above.
   * Out-of-range coordinates and future timestamps are refused; impossible speeds
   * (above {@link POSITION_MAX_PLAUSIBLE_KMH}) are kept in the trail, flagged, and not
   * trusted as the last position.
   */
  async accept(
    courier: { id: string; unitId: string },
    fix: PositionInput,
    now = Date.now(),
  ): Promise<AcceptResult> {
    if (!this.loaded) await this.ensureLoaded();
    else await this.loaded;
    if (!(Math.abs(fix.lat) <= 90 && Math.abs(fix.lng) <= 180))
      return this.reject('position_out_of_range');
    const at = Date.parse(fix.at);
    if (!Number.isFinite(at) || at > now + POSITION_FUTURE_TOLERANCE_MS)
      return this.reject('position_in_future');
    if (at < now - MAX_AGE_MS) return this.reject('position_too_old');
    if (!this.isOnDuty(courier.id)) return this.reject('courier_off_duty');

    const prev = this.last.get(courier.id);
    let speedKmh: number | null = null;
    let flagged = false;
    let newest = true;
    if (prev) {
      const hours = (at - prev.at) / 3600_000;
      const km = haversineKm(prev, fix);
      if (hours > 0) {
        speedKmh = km / hours;
        // Below ~30 m GPS jitter can fake huge speeds over a second; ignore such hops.
        flagged = speedKmh > POSITION_MAX_PLAUSIBLE_KMH && km > 0.03;
      } else {
        newest = false; // a late, out-of-order fix from an offline batch: trail only
      }
    }
    const accuracy = fix.accuracy ?? null;
    this.pending.push({
      courierId: courier.id,
      lat: fix.lat,
      lng: fix.lng,
      accuracy,
      at: new Date(at),
      receivedAt: new Date(now),
      speedKmh,
      flagged,
    });
    this.scheduleFlush();
    this.stats.accepted++;
    if (flagged) this.stats.flagged++;
    if (newest && !flagged) {
      this.last.set(courier.id, { lat: fix.lat, lng: fix.lng, accuracy, at });
      this.dirty.add(courier.id);
      const chain = await unitAndAncestors(this.db, courier.unitId);
      const payload: CouriersMovedPayload = {
        courierId: courier.id,
        unitId: courier.unitId,
        lat: fix.lat,
        lng: fix.lng,
        accuracy,
        at: new Date(at).toISOString(),
        serverAt: Date.now(),
      };
      publish({
        rooms: courierRooms(chain),
        event: 'couriers.moved',
        payload,
        scope: { ability: 'couriers.list', record: { unitId: courier.unitId } },
      });
    }
    return { ok: true, flagged, speedKmh };
  }

  private reject(code: Exclude<AcceptResult, { ok: true }>['code']): AcceptResult {
    this.stats.rejected++;
    return { ok: false, code };
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush(false);
    }, FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /**
   * Writes buffered breadcrumbs now, and the last positions when due (`force`: always;
   * shutdown, tests and trail reads).
   */
  async flush(force = true): Promise<void> {
    if (this.flushing) await this.flushing;
    const writeLasts = force || Date.now() - this.lastWrittenAt >= LAST_EVERY_MS;
    if (this.pending.length === 0 && (!writeLasts || this.dirty.size === 0)) {
      if (this.dirty.size > 0) this.scheduleFlush();
      return;
    }
    const batch = this.pending;
    this.pending = [];
    const dirty = writeLasts ? [...this.dirty] : [];
    if (writeLasts) {
      this.dirty.clear();
      this.lastWrittenAt = Date.now();
    } else if (this.dirty.size > 0) this.scheduleFlush();
    this.flushing = (async () => {
      try {
        for (let i = 0; i < batch.length; i += FLUSH_CHUNK) {
          if (i > 0) await yieldToLoop();
          await insertPositions(this.db, batch.slice(i, i + FLUSH_CHUNK));
        }
        const lasts = dirty.flatMap((id) => {
          const p = this.last.get(id);
          return p ? [{ id, ...p }] : [];
        });
        for (let i = 0; i < lasts.length; i += FLUSH_CHUNK) {
          await yieldToLoop();
          await upsertLastPositions(this.db, lasts.slice(i, i + FLUSH_CHUNK));
        }
        this.stats.written += batch.length;
      } catch (err) {
        // Put the batch back so the next flush retries it (bounded, so a dead database does not eat memory).
        logger.error({ err, count: batch.length }, 'writing courier positions failed');
        if (this.pending.length + batch.length < 200_000) this.pending = batch.concat(this.pending);
        for (const id of dirty) this.dirty.add(id);
        this.scheduleFlush();
      }
    })();
    await this.flushing;
    this.flushing = undefined;
  }

  /** Stops the timer and writes what is buffered. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}

/** A position store for one app (main.ts makes one and hands it to the app, the sockets and housekeeping). */
export function createPositionStore(db: Db): PositionStore {
  return new PositionStore(db);
}
