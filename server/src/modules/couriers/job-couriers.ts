import type { JobCouriers } from '@tannha/shared';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { getJob } from '../jobs/jobs.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { couriersWithLoad, presentCourier, type CouriersContext } from './courier-status';

/**
 * The couriers a job can be given to, by the rule `assignJob` enforces: active couriers of
 * the job's unit or a unit below it (disabled accounts are never listed), on shift first,
 * then by name. The caller's couriers of other units are only counted, so the picker never
 * offers someone the server would refuse and can say why they are missing.
 */
export async function listCouriersForJob(
  { db, positions }: CouriersContext,
  auth: AuthContext,
  jobId: string,
): Promise<JobCouriers> {
  assertCan(auth, 'jobs.assign');
  const job = await getJob(db, auth, jobId);
  assertCan(auth, 'jobs.assign', job);
  const jobUnits = new Set(await findUnitSubtreeIds(db, job.unitId));
  const { rows, counts } = await couriersWithLoad(db, [...new Set([...auth.unitIds, ...jobUnits])]);
  const fits = rows.filter((r) => jobUnits.has(r.unitId));
  const items = fits
    .map((r) => presentCourier(positions, r, counts.get(r.id) ?? 0))
    .sort(
      (a, b) =>
        Number(b.onDuty) - Number(a.onDuty) ||
        a.fullName.localeCompare(b.fullName, 'vi', { numeric: true }),
    );
  return {
    unitId: job.unitId,
    unitName: job.unitName,
    items,
    otherUnits: rows.length - fits.length,
  };
}
