import { haversineKm, vnDateTimeParts, type Job, type JobSuggestion } from '@tannha/shared';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { getJob } from '../jobs/jobs.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { couriersWithLoad, presentCourier, type CouriersContext } from './courier-status';

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
  { db, positions }: CouriersContext,
  auth: AuthContext,
  jobId: string,
  now = new Date(),
): Promise<JobSuggestion[]> {
  assertCan(auth, 'jobs.suggest');
  const job: Job = await getJob(db, auth, jobId);
  const { rows, counts } = await couriersWithLoad(db, await findUnitSubtreeIds(db, job.unitId));
  const candidates = rows.filter((c) => c.onDuty);
  const here = job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;
  const out: JobSuggestion[] = candidates.map((c) => {
    const courier = presentCourier(positions, c, counts.get(c.id) ?? 0);
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
