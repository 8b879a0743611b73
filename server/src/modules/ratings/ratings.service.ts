import type { Rating, ReportRangeQuery } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { conflict } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { resolveReportScope } from '../reports/reports.service';
import { findRatingByJob, insertRating, listRatings } from './ratings.repository';

/**
 * Records a citizen's rating of a finished job, once: a second rating is refused with 409
 * (the unique index decides, so two tabs submitting at once cannot both win).
 */
export async function rateJob(
  db: DbOrTx,
  job: { id: string; status: string; unitId: string; courierId: string | null },
  input: { stars: number; comment?: string | undefined },
) {
  if (job.status !== 'completed') {
    throw conflict('rating_not_open', {
      vi: 'Chỉ đánh giá được sau khi công việc đã hoàn tất.',
      en: 'You can rate the service once the job is completed.',
    });
  }
  const row = await insertRating(db, {
    jobId: job.id,
    unitId: job.unitId,
    courierId: job.courierId,
    stars: input.stars,
    comment: input.comment || null,
  });
  if (!row) {
    throw conflict('rating_exists', {
      vi: 'Công việc này đã được đánh giá. Cảm ơn bạn!',
      en: 'This job has already been rated. Thank you!',
    });
  }
  return row;
}

export { findRatingByJob };

/** Ratings for a manager's dashboard list: the unit (and sub-units) over a date range. */
export async function listUnitRatings(
  db: Db,
  auth: AuthContext,
  query: ReportRangeQuery & { courierId?: string | undefined },
): Promise<Rating[]> {
  const { window } = await resolveReportScope(db, auth, 'ratings.list', query);
  const rows = await listRatings(db, {
    unitIds: window.unitIds,
    fromTs: window.fromTs,
    toTs: window.toTs,
    courierId: query.courierId,
    limit: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    jobCode: r.job_code,
    stars: r.stars,
    comment: r.comment,
    courierName: r.courier_name,
    unitName: r.unit_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
