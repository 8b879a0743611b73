import type { DbOrTx } from '../../db/client';
import { getSetting, SETTINGS } from '../settings/settings.service';
import type { PlanSettings } from './plans.problem';

/** Defaults when the admin has not set `plan_shift`, `plan_service_minutes`, `plan_courier_capacity`. */
export const DEFAULT_PLAN_SHIFT = SETTINGS.plan_shift.fallback;
export const DEFAULT_SERVICE_MINUTES: Record<string, number> =
  SETTINGS.plan_service_minutes.fallback;
export const DEFAULT_COURIER_CAPACITY = SETTINGS.plan_courier_capacity.fallback;

/** Seconds since local midnight of a valid HH:mm, else of the fallback. */
export const hhmmToSec = (s: unknown, fallback: string): number => {
  const v = typeof s === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(s) ? s : fallback;
  const [h, m] = v.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
};

/** HH:mm of seconds since local midnight. */
export const fmtTime = (sec: number) =>
  `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`;

/** The planner's settings, each part falling back on its own. */
export async function loadPlanSettings(db: DbOrTx): Promise<PlanSettings> {
  const shift = await getSetting(db, 'plan_shift');
  const minutes: Record<string, number> = await getSetting(db, 'plan_service_minutes');
  const capacity = await getSetting(db, 'plan_courier_capacity');
  const serviceSeconds: Record<string, number> = {};
  for (const [type, def] of Object.entries(DEFAULT_SERVICE_MINUTES))
    serviceSeconds[type] = Math.round((minutes[type] ?? def) * 60);
  return {
    shiftStart: hhmmToSec(shift.start, DEFAULT_PLAN_SHIFT.start),
    shiftEnd: hhmmToSec(shift.end, DEFAULT_PLAN_SHIFT.end),
    capacity,
    serviceSeconds,
  };
}
