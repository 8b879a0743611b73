import { TERMINAL_STATUSES, type JobStatus, type JobType } from './job-lifecycle';
import { addWorkingDays, type WorkingCalendar } from './working-days';

/**
 * The postal leg's time limit (DOMAIN.md, "Postal-leg time limits"): J is the date on the
 * slip (the day the courier took the dossier at the door, or the result at the agency);
 * the package must be handed over by J+n working days, n by how far it travels, doubled
 * when an appointment slip must also be carried back. The limits are per-province
 * configuration (setting `postal_leg_days`).
 */
export const POSTAL_LEG_TIERS = ['sameArea', 'province', 'majorCities', 'interProvince'] as const;
export type PostalLegTier = (typeof POSTAL_LEG_TIERS)[number];
export type PostalLegLimits = Record<PostalLegTier, number>;

/** The courier takes the package: the dossier at the door, or the result at the agency (J). */
export const PACKAGE_TAKEN_STATUSES: readonly JobStatus[] = ['collected', 'picked_up'];
/** The package is handed over: the dossier filed at the counter, or the result delivered. */
export const PACKAGE_HANDED_STATUSES: readonly JobStatus[] = ['submitted', 'delivered'];
/** Statuses in which the postal leg is over (handed over, or the job closed). */
export const POSTAL_LEG_OVER_STATUSES: readonly JobStatus[] = [
  ...PACKAGE_HANDED_STATUSES,
  ...TERMINAL_STATUSES,
];

/** The limits of the regulation, used until an admin sets the province's own. */
export const DEFAULT_POSTAL_LEG_DAYS: PostalLegLimits = {
  sameArea: 1,
  province: 2,
  majorCities: 3,
  interProvince: 4,
};

/**
 * Working days allowed for a job's postal leg. Home assistance brings the appointment slip
 * (phiếu hẹn) back to the citizen with the dossier code, so its limit is doubled.
 */
export function postalLegDays(limits: PostalLegLimits, tier: PostalLegTier, type: JobType): number {
  const n = limits[tier];
  return type === 'home_assistance' ? 2 * n : n;
}

/** J+n: the last day of the postal leg for a slip dated `slipDate` (a local date). */
export function postalLegDueDate(
  cal: WorkingCalendar,
  slipDate: string,
  limits: PostalLegLimits,
  tier: PostalLegTier,
  type: JobType,
): string {
  return addWorkingDays(cal, slipDate, postalLegDays(limits, tier, type));
}
