import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';

export type TrackedJob = {
  id: string;
  code: string;
  type: string;
  status: string;
  unit_id: string;
  unit_name: string;
  procedure_name: string | null;
  dossier_code: string | null;
  due_date: string | null;
  /** The result date the counter wrote on the appointment slip (pickup), or the ready date the agency sent (delivery). */
  result_date: string | null;
  /** When the dossier was handed to the agency (the signed handover record): the legal filing time. */
  filed_at: Date | null;
  window_start: Date | null;
  window_end: Date | null;
  lat: number | null;
  lng: number | null;
  courier_id: string | null;
  courier_name: string | null;
  citizen_phone: string;
  courier_lat: number | null;
  courier_lng: number | null;
  courier_at: Date | null;
};

/** The job behind a tracking code, with the citizen's phone (for the proof only) and the courier's last position. */
export async function findTrackedJob(db: DbOrTx, code: string): Promise<TrackedJob | undefined> {
  const rows = await queryRows<TrackedJob>(
    db,
    sql`
    select j.id, j.code, j.type, j.status, j.unit_id, u.name as unit_name, p.name as procedure_name, j.dossier_code,
           to_char(j.due_date, 'YYYY-MM-DD') as due_date,
           to_char(coalesce(ds.result_due_date, j.result_ready_date), 'YYYY-MM-DD') as result_date, ds.filed_at,
           j.window_start, j.window_end, j.lat, j.lng,
           j.courier_id, cu.full_name as courier_name, c.phone as citizen_phone,
           cs.last_lat as courier_lat, cs.last_lng as courier_lng, cs.last_at as courier_at
    from jobs j
    join units u on u.id = j.unit_id
    join citizens c on c.id = j.citizen_id
    left join procedures p on p.id = j.procedure_id
    left join dossier_slips ds on ds.job_id = j.id
    left join users cu on cu.id = j.courier_id
    left join courier_status cs on cs.courier_id = j.courier_id
    where j.code = ${code}
    limit 1`,
  );
  return rows[0];
}

/** Status changes of a job in the order they happened (assignments to the same state once). */
export async function findTimeline(db: DbOrTx, jobId: string) {
  return queryRows<{
    at: Date;
    to_status: string;
    from_status: string | null;
    reason: string | null;
  }>(
    db,
    sql`
    select occurred_at as at, to_status, from_status, reason from job_events
    where job_id = ${jobId} and to_status is not null and (from_status is null or from_status <> to_status)
    order by occurred_at, id`,
  );
}
