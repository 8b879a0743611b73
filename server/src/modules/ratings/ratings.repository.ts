import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import { ratings } from '../../db/schema';

export async function findRatingByJob(db: DbOrTx, jobId: string) {
  const rows = await queryRows<{ stars: number; comment: string | null; created_at: Date }>(
    db,
    sql`select stars, comment, created_at from ratings where job_id = ${jobId}`,
  );
  return rows[0];
}

/** Inserts a rating; returns undefined when the job already has one (unique per job). */
export async function insertRating(db: DbOrTx, r: typeof ratings.$inferInsert) {
  const rows = await db
    .insert(ratings)
    .values(r)
    .onConflictDoNothing({ target: ratings.jobId })
    .returning();
  return rows[0];
}

/** Ratings in units, newest first, with job code and courier name. */
export async function listRatings(
  db: DbOrTx,
  opts: {
    unitIds: readonly string[];
    fromTs: Date;
    toTs: Date;
    courierId?: string | undefined;
    limit: number;
  },
) {
  const units = sql.join(
    opts.unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return queryRows<{
    id: string;
    job_code: string;
    stars: number;
    comment: string | null;
    courier_name: string | null;
    unit_name: string;
    created_at: Date;
  }>(
    db,
    sql`
    select r.id, j.code as job_code, r.stars, r.comment, cu.full_name as courier_name, u.name as unit_name, r.created_at
    from ratings r join jobs j on j.id = r.job_id join units u on u.id = r.unit_id left join users cu on cu.id = r.courier_id
    where r.unit_id in (${units}) and r.created_at >= ${opts.fromTs} and r.created_at < ${opts.toTs}
      ${opts.courierId ? sql`and r.courier_id = ${opts.courierId}` : sql``}
    order by r.created_at desc
    limit ${opts.limit}`,
  );
}
