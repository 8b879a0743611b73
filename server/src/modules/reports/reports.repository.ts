import { sql, type SQL } from 'drizzle-orm';
import { PACKAGE_HANDED_STATUSES, TERMINAL_STATUSES } from '@tannha/shared';
import { queryRows, type DbOrTx } from '../../db/client';

/** The window a report covers: instants for timestamps, local dates for date columns. */
export type ReportWindow = {
  unitIds: readonly string[];
  /** First instant included (00:00 of `fromDate` in Vietnam). */
  fromTs: Date;
  /** First instant excluded (00:00 of the day after `toDate` in Vietnam). */
  toTs: Date;
  fromDate: string;
  toDate: string;
  /** Today's local date: open jobs due before it are late. */
  today: string;
};

const unitList = (ids: readonly string[]): SQL =>
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

type CountRow = { key: string; count: number };

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

export type JobFigures = {
  total: number;
  byType: CountRow[];
  byStatus: CountRow[];
  byProcedure: {
    procedureId: string | null;
    code: string | null;
    name: string | null;
    count: number;
  }[];
  byDay: { date: string; created: number; completed: number }[];
  onTime: number;
  late: number;
  legs: { leg: string; count: number; avgSeconds: number | null }[];
  couriers: {
    courierId: string;
    jobs: number;
    completed: number;
    onTime: number;
    late: number;
    distanceKm: number;
  }[];
};

type JobDocRow = {
  dim: string;
  key: string;
  day: string | null;
  n: number;
  done: number;
  ok: number;
  late: number;
};

/**
 * Everything about the jobs created in the window, in one round trip: counts from the daily
 * rollup (report_job_days, one row per unit, day and dimension value), leg times from
 * report_leg_days, distances from report_courier_days, and the one figure that depends on
 * today (open jobs already past their due date), counted live over the open jobs alone.
 */
export async function jobFigures(db: DbOrTx, w: ReportWindow): Promise<JobFigures> {
  const rows = await queryRows<{
    doc: {
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
  }>(db, jobFiguresSql(w));
  const doc = rows[0]!.doc;
  const out: JobFigures = {
    total: 0,
    byType: [],
    byStatus: [],
    byProcedure: [],
    byDay: [],
    onTime: 0,
    late: 0,
    legs: [],
    couriers: [],
  };
  const procs = new Map((doc.procs ?? []).map((p) => [p.id, p]));
  const days = new Map<string, { created: number; completed: number }>();
  const dayOf = (d: string) => {
    let v = days.get(d);
    if (!v) days.set(d, (v = { created: 0, completed: 0 }));
    return v;
  };
  const couriers = new Map<string, JobFigures['couriers'][number]>();
  for (const r of doc.rows ?? []) {
    switch (r.dim) {
      case 'all':
        if (r.day) dayOf(r.day).created += r.n;
        out.total += r.n;
        out.onTime += r.ok;
        out.late += r.late;
        break;
      case 'type':
        out.byType.push({ key: r.key, count: r.n });
        break;
      case 'status':
        out.byStatus.push({ key: r.key, count: r.n });
        break;
      case 'procedure': {
        const p = r.key ? procs.get(r.key) : undefined;
        out.byProcedure.push({
          procedureId: r.key || null,
          code: p?.code ?? null,
          name: p?.name ?? null,
          count: r.n,
        });
        break;
      }
      case 'courier':
        if (r.key)
          couriers.set(r.key, {
            courierId: r.key,
            jobs: r.n,
            completed: r.done,
            onTime: r.ok,
            late: r.late,
            distanceKm: 0,
          });
        break;
      case 'completed_on':
        if (r.key >= w.fromDate && r.key <= w.toDate) dayOf(r.key).completed += r.n;
        break;
    }
  }
  for (const l of doc.openLate ?? []) {
    out.late += l.n;
    const c = l.courierId ? couriers.get(l.courierId) : undefined;
    if (c) c.late += l.n;
  }
  for (const d of doc.dist ?? []) {
    const c = couriers.get(d.courierId);
    if (c) c.distanceKm = Math.round(d.km * 10) / 10;
  }
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  out.byType.sort(byCount);
  out.byStatus.sort(byCount);
  out.byProcedure = out.byProcedure.sort(byCount).slice(0, 15);
  out.couriers = [...couriers.values()].sort((a, b) => b.jobs - a.jobs);
  out.byDay = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, v]) => ({ date, ...v }));
  const L = doc.legs;
  const leg = (leg: string, n: number | null | undefined, s: number | null | undefined) => ({
    leg,
    count: n ?? 0,
    avgSeconds: n ? Math.round(Number(s) / n) : null,
  });
  out.legs = [
    leg('call_to_assignment', L?.n1, L?.s1),
    leg('assignment_to_pickup', L?.n2, L?.s2),
    leg('pickup_to_handover', L?.n3, L?.s3),
  ];
  return out;
}

/** The single statement behind {@link jobFigures} (exported for EXPLAIN in the benchmark). */
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
    -- Open jobs past due: the only figure that moves with the calendar, so counted live.
    open_late as (
      select courier_id, count(*)::int as n from jobs
      where unit_id in ${unitList(w.unitIds)} and ${isOpen('status')}
        and created_at >= ${w.fromTs} and created_at < ${w.toTs} and due_date < ${w.today}::date
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

/**
 * Open jobs in the units past their due date, or whose package the courier has held past
 * the postal leg's limit (J+n), most overdue first, with whoever holds them.
 */
export async function lateJobs(db: DbOrTx, w: ReportWindow, limit = 100) {
  return queryRows<{
    jobId: string;
    code: string;
    type: string;
    status: string;
    reason: 'due' | 'postal_leg';
    dueDate: string;
    legDueDate: string | null;
    unitName: string;
    holderId: string | null;
    holderName: string | null;
  }>(
    db,
    sql`
    select j.id as "jobId", j.code, j.type, j.status, x.reason,
           to_char(x.missed, 'YYYY-MM-DD') as "dueDate", to_char(j.leg_due_date, 'YYYY-MM-DD') as "legDueDate",
           u.name as "unitName", j.courier_id as "holderId", c.full_name as "holderName"
    from jobs j
    cross join lateral (
      select case when j.due_date < ${w.today}::date then 'due' else 'postal_leg' end as reason,
             case when j.due_date < ${w.today}::date then j.due_date else j.leg_due_date end as missed
    ) x
    join units u on u.id = j.unit_id left join users c on c.id = j.courier_id
    where j.unit_id in ${unitList(w.unitIds)} and ${isOpen('j.status')}
      and (j.due_date < ${w.today}::date
           or (j.leg_due_date < ${w.today}::date and j.status not in ${literalList(PACKAGE_HANDED_STATUSES)}))
    order by x.missed, j.created_at
    limit ${limit}`,
  );
}

export type MoneyFigures = {
  totalVnd: number;
  pendingVnd: number;
  byMethod: { key: string; amountVnd: number; count: number }[];
  byFlow: { key: string; amountVnd: number; count: number }[];
};

/** Ledger entries in the window (report_money_days): confirmed money by method and by flow; pending transfers apart. */
export async function moneyFigures(db: DbOrTx, w: ReportWindow): Promise<MoneyFigures> {
  const rows = await queryRows<{
    method: string;
    flow: string;
    confirmed: boolean;
    amount: string;
    n: number;
  }>(
    db,
    sql`
    select method, flow, confirmed, sum(amount_vnd)::text as amount, sum(n)::int as n
    from report_money_days
    where day between ${w.fromDate}::date and ${w.toDate}::date and unit_id in ${unitList(w.unitIds)}
    group by method, flow, confirmed
    having sum(n) <> 0 or sum(amount_vnd) <> 0`,
  );
  const out: MoneyFigures = { totalVnd: 0, pendingVnd: 0, byMethod: [], byFlow: [] };
  const add = (list: MoneyFigures['byMethod'], key: string, amountVnd: number, count: number) => {
    const row = list.find((x) => x.key === key);
    if (row) {
      row.amountVnd += amountVnd;
      row.count += count;
    } else list.push({ key, amountVnd, count });
  };
  for (const r of rows) {
    const amountVnd = Number(r.amount);
    if (!r.confirmed) {
      out.pendingVnd += amountVnd;
      continue;
    }
    out.totalVnd += amountVnd;
    add(out.byMethod, r.method, amountVnd, r.n);
    add(out.byFlow, r.flow, amountVnd, r.n);
  }
  out.byMethod.sort((a, b) => a.key.localeCompare(b.key));
  out.byFlow.sort((a, b) => a.key.localeCompare(b.key));
  return out;
}

/** Ratings given in the window: per star and per courier from report_rating_days, and the latest few. */
export async function ratingFigures(db: DbOrTx, w: ReportWindow) {
  const rows = await queryRows<{
    doc: {
      dist: { stars: number; n: number }[];
      couriers: { courierId: string; n: number; avg: number }[];
      recent: {
        stars: number;
        comment: string | null;
        createdAt: string;
        jobCode: string;
        courierName: string | null;
      }[];
    };
  }>(
    db,
    sql`
    with d as materialized (
      select courier_key, stars, sum(n)::int as n from report_rating_days
      where day between ${w.fromDate}::date and ${w.toDate}::date and unit_id in ${unitList(w.unitIds)}
      group by courier_key, stars having sum(n) <> 0
    )
    select json_build_object(
      'dist', (select coalesce(json_agg(json_build_object('stars', stars, 'n', n)), '[]')
               from (select stars, sum(n)::int n from d group by stars) x),
      'couriers', (select coalesce(json_agg(json_build_object('courierId', courier_key, 'n', n, 'avg', a)), '[]')
                   from (select courier_key, sum(n)::int n, (sum(n * stars)::float8 / sum(n)) a from d
                         where courier_key <> '' group by courier_key) x),
      'recent', (select coalesce(json_agg(x order by x."createdAt" desc), '[]') from (
                   select r.stars, r.comment, r.created_at as "createdAt", j.code as "jobCode", u.full_name as "courierName"
                   from ratings r join jobs j on j.id = r.job_id left join users u on u.id = r.courier_id
                   where r.unit_id in ${unitList(w.unitIds)} and r.created_at >= ${w.fromTs} and r.created_at < ${w.toTs}
                   order by r.created_at desc limit 10) x)
    ) as doc`,
  );
  return rows[0]!.doc;
}

/** Cash handovers counted for shifts in the window, and the ones that did not match. */
export async function cashFigures(db: DbOrTx, w: ReportWindow) {
  const rows = await queryRows<{
    doc: {
      n: number;
      expected: string;
      counted: string;
      diff: string;
      discrepancies: {
        id: string;
        courierName: string;
        shiftDate: string;
        expectedVnd: number;
        countedVnd: number;
        differenceVnd: number;
        reason: string | null;
      }[];
    };
  }>(
    db,
    sql`
    with h as materialized (
      select h.*, u.full_name as courier_name from cash_handovers h join users u on u.id = h.courier_id
      where h.unit_id in ${unitList(w.unitIds)} and h.shift_date between ${w.fromDate}::date and ${w.toDate}::date
    )
    select json_build_object(
      'n', (select count(*) from h),
      'expected', (select coalesce(sum(expected_vnd), 0)::text from h),
      'counted', (select coalesce(sum(counted_vnd), 0)::text from h),
      'diff', (select coalesce(sum(difference_vnd), 0)::text from h),
      'discrepancies', (select coalesce(json_agg(json_build_object('id', id, 'courierName', courier_name, 'shiftDate', to_char(shift_date, 'YYYY-MM-DD'),
                          'expectedVnd', expected_vnd, 'countedVnd', counted_vnd, 'differenceVnd', difference_vnd, 'reason', reason) order by counted_at desc), '[]')
                        from h where difference_vnd <> 0)
    ) as doc`,
  );
  return rows[0]!.doc;
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
