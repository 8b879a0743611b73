import { sql, type SQL } from 'drizzle-orm';
import { PACKAGE_HANDED_STATUSES, TERMINAL_STATUSES } from '@tannha/shared';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ReportWindow } from './report-window';

export type { ReportWindow };

export const unitList = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/**
 * "Still being worked": not completed, returned or cancelled. Written as literals, the same
 * clause as the partial index jobs_open_due_idx, so the planner uses that index.
 */
const literalList = (xs: readonly string[]) => sql.raw(`(${xs.map((s) => `'${s}'`).join(', ')})`);
const isOpen = (col: string) => sql`${sql.raw(col)} not in ${literalList(TERMINAL_STATUSES)}`;

export type CountRow = { key: string; count: number };

export type CallFigures = {
  total: number;
  byCategory: CountRow[];
  byOutcome: CountRow[];
  byHour: { hour: number; count: number }[];
};

/** Calls in the window, from the daily rollup (report_call_days): a few rows per unit and day. */
export async function callFigures(db: DbOrTx, w: ReportWindow): Promise<CallFigures> {
  const rows = await queryRows<{ dim: string; key: string; n: number }>(
    db,
    sql`
    select dim, key, sum(n)::int as n from report_call_days
    where day between ${w.fromDate}::date and ${w.toDate}::date and unit_id in ${unitList(w.unitIds)}
    group by dim, key having sum(n) <> 0`,
  );
  const byCategory: CountRow[] = [];
  const byOutcome: CountRow[] = [];
  const hours = new Array<number>(24).fill(0);
  let total = 0;
  for (const r of rows) {
    if (r.dim === 'all') total = r.n;
    else if (r.dim === 'category') byCategory.push({ key: r.key, count: r.n });
    else if (r.dim === 'outcome') byOutcome.push({ key: r.key, count: r.n });
    else if (r.dim === 'hour') hours[Number(r.key)] = r.n;
  }
  byCategory.sort((a, b) => b.count - a.count);
  byOutcome.sort((a, b) => b.count - a.count);
  return { total, byCategory, byOutcome, byHour: hours.map((count, hour) => ({ hour, count })) };
}

export type JobDocRow = {
  dim: string;
  key: string;
  day: string | null;
  n: number;
  done: number;
  ok: number;
  late: number;
};

/** What {@link jobFiguresSql} returns: rollup rows and the few live figures, as one JSON document. */
export type JobDoc = {
  rows: JobDocRow[] | null;
  openLate: { courierId: string | null; n: number }[] | null;
  legs: {
    n1: number | null;
    s1: number | null;
    n2: number | null;
    s2: number | null;
    n3: number | null;
    s3: number | null;
  } | null;
  dist: { courierId: string; km: number }[] | null;
  procs: { id: string; code: string; name: string }[] | null;
};

/**
 * Everything about the jobs created in the window, in one round trip: counts from the daily
 * rollup (report_job_days, one row per unit, day and dimension value), leg times from
 * report_leg_days, distances from report_courier_days, and the one figure that depends on
 * today (open jobs already past their due date), counted live over the open jobs alone.
 */
export async function findJobDoc(db: DbOrTx, w: ReportWindow): Promise<JobDoc> {
  const rows = await queryRows<{ doc: JobDoc }>(db, jobFiguresSql(w));
  return rows[0]!.doc;
}

/** The single statement behind {@link findJobDoc} (exported for EXPLAIN in the benchmark). */
export function jobFiguresSql(w: ReportWindow): SQL {
  const inWindow = sql`day between ${w.fromDate}::date and ${w.toDate}::date and unit_id in ${unitList(w.unitIds)}`;
  return sql`
    with r as materialized (
      select dim, key, case when dim = 'all' then to_char(day, 'YYYY-MM-DD') end as day,
        sum(n)::int as n, sum(done)::int as done, sum(on_time)::int as ok, sum(late)::int as late
      from report_job_days
      where ${inWindow}
      group by 1, 2, 3
      having sum(n) <> 0
    ),
    -- Overdue open jobs (shared/src/overdue.ts: past the due date or the postal leg's limit):
    -- the only figure that moves with the calendar, so counted live.
    open_late as (
      select courier_id, count(*)::int as n from jobs
      where unit_id in ${unitList(w.unitIds)} and ${isOpen('status')}
        and created_at >= ${w.fromTs} and created_at < ${w.toTs}
        and (due_date < ${w.today}::date
             or (leg_due_date < ${w.today}::date and status not in ${literalList(PACKAGE_HANDED_STATUSES)}))
      group by courier_id
    ),
    couriers as (select key::uuid as id from r where dim = 'courier' and key <> '')
    select json_build_object(
      'rows', (select json_agg(r) from r),
      'openLate', (select json_agg(json_build_object('courierId', courier_id, 'n', n)) from open_late),
      'legs', (select json_build_object('n1', sum(n1), 's1', sum(s1), 'n2', sum(n2), 's2', sum(s2), 'n3', sum(n3), 's3', sum(s3))
               from report_leg_days where ${inWindow}),
      'dist', (select json_agg(json_build_object('courierId', courier_id, 'km', km))
               from (select courier_id, sum(km) as km from report_courier_days
                     where day between ${w.fromDate}::date and ${w.toDate}::date and courier_id in (select id from couriers)
                     group by courier_id) d),
      'procs', (select json_agg(json_build_object('id', id, 'code', code, 'name', name)) from procedures
                where id in (select key::uuid from r where dim = 'procedure' and key <> ''))
    ) as doc`;
}

/** The unit a report is about (id and name) with every unit below it; undefined when unknown. */
export async function findReportUnit(db: DbOrTx, unitId: string) {
  const rows = await queryRows<{ id: string; name: string; depth: number }>(
    db,
    sql`
    with recursive tree as (
      select id, name, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.name, t.depth + 1 from units u join tree t on u.parent_id = t.id
    )
    select id, name, depth from tree`,
  );
  const root = rows.find((r) => r.depth === 0);
  return root
    ? { unit: { id: root.id, name: root.name }, unitIds: rows.map((r) => r.id) }
    : undefined;
}

/** Names and units of the given users (couriers listed on the dashboard). */
export async function userNames(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; unitName: string }>();
  const rows = await queryRows<{ id: string; name: string; unit_name: string }>(
    db,
    sql`select u.id, u.full_name as name, n.name as unit_name from users u join units n on n.id = u.unit_id where u.id in ${unitList(ids)}`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, unitName: r.unit_name }]));
}
