import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ReportWindow } from '../reports/reports.service';
import type { CallRow, JobRow, PaymentRow } from './exports.columns';

const list = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** Where the previous page ended (keyset pagination: stable and index-friendly at any depth). */
export type Cursor = { at: Date; id: string } | undefined;
/** Timestamps come back as Date from node-postgres and as text from PGlite's raw queries. */
function withDates<R>(rows: R[], cols: (keyof R)[]): R[] {
  for (const r of rows)
    for (const c of cols)
      if (r[c] !== null && !(r[c] instanceof Date)) r[c] = new Date(r[c] as string) as R[keyof R];
  return rows;
}

const after = (col: SQL, c: Cursor) =>
  c ? sql`and (${col}, t.id) > (${c.at}::timestamptz, ${c.id}::uuid)` : sql``;

export async function callPage(db: DbOrTx, w: ReportWindow, c: Cursor, limit: number) {
  const rows = await queryRows<CallRow>(
    db,
    sql`select t.id, t.ticket_code, t.started_at, t.direction, t.caller_phone, t.category, t.outcome, t.duration_seconds,
               o.full_name as operator_name, u.name as unit_name
        from calls t join units u on u.id = t.unit_id left join users o on o.id = t.operator_id
        where t.unit_id in ${list(w.unitIds)} and t.started_at >= ${w.fromTs} and t.started_at < ${w.toTs} ${after(sql`t.started_at`, c)}
        order by t.started_at, t.id limit ${limit}`,
  );
  return withDates(rows, ['started_at']);
}

export async function jobPage(db: DbOrTx, w: ReportWindow, c: Cursor, limit: number) {
  const rows = await queryRows<JobRow>(
    db,
    sql`select t.id, t.code, t.type, t.status, p.name as procedure_name, u.name as unit_name, cu.full_name as courier_name,
               t.created_at, to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.completed_at, t.fee_due_vnd::text, t.postal_charge_vnd::text, t.dossier_code
        from jobs t join units u on u.id = t.unit_id left join procedures p on p.id = t.procedure_id left join users cu on cu.id = t.courier_id
        where t.unit_id in ${list(w.unitIds)} and t.created_at >= ${w.fromTs} and t.created_at < ${w.toTs} ${after(sql`t.created_at`, c)}
        order by t.created_at, t.id limit ${limit}`,
  );
  return withDates(rows, ['created_at', 'completed_at']);
}

export async function paymentPage(db: DbOrTx, w: ReportWindow, c: Cursor, limit: number) {
  const rows = await queryRows<PaymentRow>(
    db,
    sql`select t.id, t.receipt_no, t.occurred_at, j.code as job_code, t.flow, t.method, t.amount_vnd::text, t.status,
               cu.full_name as collector_name, u.name as unit_name, to_char(t.shift_date, 'YYYY-MM-DD') as shift_date,
               t.cash_handover_id is not null as handed_in, t.reason
        from payments t join jobs j on j.id = t.job_id join units u on u.id = t.unit_id join users cu on cu.id = t.collected_by
        where t.unit_id in ${list(w.unitIds)} and t.occurred_at >= ${w.fromTs} and t.occurred_at < ${w.toTs} ${after(sql`t.occurred_at`, c)}
        order by t.occurred_at, t.id limit ${limit}`,
  );
  return withDates(rows, ['occurred_at']);
}
