import { sql, type SQL } from 'drizzle-orm';
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

/** Statuses a job is still being worked in (everything but completed, returned, cancelled). */
export const OPEN_STATUSES = [
  'new',
  'assigned',
  'accepted',
  'picked_up',
  'en_route',
  'on_site',
  'collected',
  'submitted',
  'delivered',
  'on_hold',
  'failed_attempt',
] as const;
const openList = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);

type CountRow = { key: string; count: number };

export type CallFigures = {
  total: number;
  byCategory: CountRow[];
  byOutcome: CountRow[];
  byHour: { hour: number; count: number }[];
};

/** Calls in the window: one scan, grouped three ways at once. */
export async function callFigures(db: DbOrTx, w: ReportWindow): Promise<CallFigures> {
  const rows = await queryRows<{
    g: number;
    category: string | null;
    outcome: string | null;
    h: number | null;
    n: number;
  }>(
    db,
    sql`
    select grouping(category, outcome, h)::int as g, category, outcome, h, count(*)::int as n
    from (
      select coalesce(category, 'uncategorised') as category, coalesce(outcome, 'open') as outcome,
             -- Local hour by arithmetic (UTC+7, no DST): cheaper per row than a zone conversion.
             (((extract(epoch from started_at)::bigint + 25200) % 86400) / 3600)::int as h
      from calls
      where unit_id in ${unitList(w.unitIds)} and started_at >= ${w.fromTs} and started_at < ${w.toTs}
    ) c
    group by grouping sets ((category), (outcome), (h), ())`,
  );
  // grouping() bits: category=4, outcome=2, h=1 (set when the column is aggregated away).
  const byCategory: CountRow[] = [];
  const byOutcome: CountRow[] = [];
  const hours = new Array<number>(24).fill(0);
  let total = 0;
  for (const r of rows) {
    if (r.g === 7) total = r.n;
    else if (r.g === 3) byCategory.push({ key: r.category!, count: r.n });
    else if (r.g === 5) byOutcome.push({ key: r.outcome!, count: r.n });
    else if (r.g === 6 && r.h !== null) hours[r.h] = r.n;
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

type GroupRow = {
  g: number;
  type: string | null;
  status: string | null;
  procedure_id: string | null;
  courier_id: string | null;
  cday: number | null;
  dday: number | null;
  n: number;
  ok: number;
  late: number;
  done: number;
};

/**
 * Everything about the jobs created in the window, in one round trip: the window's jobs are
 * read once (materialised) and grouped six ways in a single GROUPING SETS pass; leg times
 * come from job_milestones (see job-milestones.ts) through its covering index; distances
 * from one more pass over the completed jobs.
 */
export async function jobFigures(db: DbOrTx, w: ReportWindow): Promise<JobFigures> {
  const rows = await queryRows<{
    doc: {
      groups: GroupRow[] | null;
      legs: {
        n1: number;
        a1: number | null;
        n2: number;
        a2: number | null;
        n3: number;
        a3: number | null;
      };
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
  const days = new Map<number, { created: number; completed: number }>();
  const dayOf = (d: number) => {
    let v = days.get(d);
    if (!v) days.set(d, (v = { created: 0, completed: 0 }));
    return v;
  };
  const couriers = new Map<string, JobFigures['couriers'][number]>();
  // grouping() bits: type=32, status=16, procedure_id=8, courier_id=4, cday=2, dday=1.
  for (const r of doc.groups ?? []) {
    switch (r.g) {
      case 63:
        out.total = r.n;
        out.onTime = r.ok;
        out.late = r.late;
        break;
      case 31:
        out.byType.push({ key: r.type!, count: r.n });
        break;
      case 47:
        out.byStatus.push({ key: r.status!, count: r.n });
        break;
      case 55: {
        const p = r.procedure_id ? procs.get(r.procedure_id) : undefined;
        out.byProcedure.push({
          procedureId: r.procedure_id,
          code: p?.code ?? null,
          name: p?.name ?? null,
          count: r.n,
        });
        break;
      }
      case 59:
        if (r.courier_id)
          couriers.set(r.courier_id, {
            courierId: r.courier_id,
            jobs: r.n,
            completed: r.done,
            onTime: r.ok,
            late: r.late,
            distanceKm: 0,
          });
        break;
      case 61:
        dayOf(r.cday!).created += r.n;
        break;
      case 62:
        if (r.dday !== null) dayOf(r.dday).completed += r.n;
        break;
    }
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
  const fromDay = Math.round(Date.parse(w.fromDate) / 86_400_000);
  const toDay = Math.round(Date.parse(w.toDate) / 86_400_000);
  out.byDay = [...days.entries()]
    .filter(([d]) => d >= fromDay && d <= toDay)
    .sort(([a], [b]) => a - b)
    .map(([d, v]) => ({ date: new Date(d * 86_400_000).toISOString().slice(0, 10), ...v }));
  const L = doc.legs;
  const avg = (x: number | null) => (x === null ? null : Math.round(Number(x)));
  out.legs = [
    { leg: 'call_to_assignment', count: L.n1, avgSeconds: avg(L.a1) },
    { leg: 'assignment_to_pickup', count: L.n2, avgSeconds: avg(L.a2) },
    { leg: 'pickup_to_handover', count: L.n3, avgSeconds: avg(L.a3) },
  ];
  return out;
}

/** The single statement behind {@link jobFigures} (exported for EXPLAIN in the benchmark). */
export function jobFiguresSql(w: ReportWindow): SQL {
  // Local days as whole numbers (days since 1970-01-01 at UTC+7, which has no DST): plain
  // arithmetic per row instead of a time-zone conversion, which costs microseconds a row.
  const day = (col: SQL) => sql`floor((extract(epoch from ${col}) + 25200) / 86400)::int`;
  return sql`
    with j as materialized (
      select type, status, procedure_id, courier_id, unit_id, completed_at, lat, lng,
        ${day(sql`created_at`)} as cday,
        case when status = 'completed' then ${day(sql`coalesce(completed_at, created_at)`)} end as dday,
        case
          when due_date is null or status in ('cancelled', 'returned') then null
          when status = 'completed' then ${day(sql`coalesce(completed_at, created_at)`)} <= due_date - date '1970-01-01'
          when due_date < ${w.today}::date then false
          else null
        end as on_time
      from jobs
      where created_at >= ${w.fromTs} and created_at < ${w.toTs} and unit_id in ${unitList(w.unitIds)}
    ),
    g as (
      select grouping(type, status, procedure_id, courier_id, cday, dday)::int as g, type, status, procedure_id, courier_id, cday, dday,
        count(*)::int as n, count(*) filter (where on_time)::int as ok, count(*) filter (where on_time = false)::int as late,
        count(*) filter (where status = 'completed')::int as done
      from j
      group by grouping sets ((type), (status), (procedure_id), (courier_id), (cday), (dday), ())
    ),
    legs as (
      select
        count(assigned_at)::int as n1,
        avg(extract(epoch from assigned_at - started_at)) as a1,
        count(pickup_at) filter (where assigned_at is not null)::int as n2,
        avg(extract(epoch from pickup_at - assigned_at)) as a2,
        count(handed_at) filter (where pickup_at is not null)::int as n3,
        avg(extract(epoch from handed_at - pickup_at)) as a3
      from job_milestones
      where created_at >= ${w.fromTs} and created_at < ${w.toTs} and unit_id in ${unitList(w.unitIds)}
    ),
    hops as (
      select j.courier_id,
        2 * 6371 * asin(sqrt(
          power(sin(radians(j.lat - coalesce(lag(j.lat) over w, u.lat)) / 2), 2) +
          cos(radians(coalesce(lag(j.lat) over w, u.lat))) * cos(radians(j.lat)) *
          power(sin(radians(j.lng - coalesce(lag(j.lng) over w, u.lng)) / 2), 2)
        )) as km
      from j join units u on u.id = j.unit_id
      where j.dday is not null and j.courier_id is not null and j.lat is not null
      window w as (partition by j.courier_id, j.dday order by j.completed_at)
    )
    select json_build_object(
      'groups', (select json_agg(gr) from g gr),
      'legs', (select row_to_json(legs) from legs),
      'dist', (select json_agg(json_build_object('courierId', courier_id, 'km', km)) from (select courier_id, sum(km) as km from hops group by courier_id) d),
      'procs', (select json_agg(json_build_object('id', id, 'code', code, 'name', name)) from procedures where id in (select distinct procedure_id from j))
    ) as doc`;
}

/** Open jobs in the units past their due date, oldest due first, with whoever holds them. */
export async function lateJobs(db: DbOrTx, w: ReportWindow, limit = 100) {
  return queryRows<{
    jobId: string;
    code: string;
    type: string;
    status: string;
    dueDate: string;
    unitName: string;
    holderId: string | null;
    holderName: string | null;
  }>(
    db,
    sql`
    select j.id as "jobId", j.code, j.type, j.status, to_char(j.due_date, 'YYYY-MM-DD') as "dueDate", u.name as "unitName",
           j.courier_id as "holderId", c.full_name as "holderName"
    from jobs j join units u on u.id = j.unit_id left join users c on c.id = j.courier_id
    where j.unit_id in ${unitList(w.unitIds)} and j.status in ${openList} and j.due_date < ${w.today}::date
    order by j.due_date, j.created_at
    limit ${limit}`,
  );
}

export type MoneyFigures = {
  totalVnd: number;
  pendingVnd: number;
  byMethod: { key: string; amountVnd: number; count: number }[];
  byFlow: { key: string; amountVnd: number; count: number }[];
};

/** Ledger entries in the window: confirmed money by method and by flow; pending transfers apart. */
export async function moneyFigures(db: DbOrTx, w: ReportWindow): Promise<MoneyFigures> {
  const rows = await queryRows<{
    g: number;
    method: string | null;
    flow: string | null;
    confirmed: boolean | null;
    amount: string;
    n: number;
  }>(
    db,
    sql`
    select grouping(method, flow, confirmed)::int as g, method, flow, confirmed, coalesce(sum(amount_vnd), 0)::text as amount, count(*)::int as n
    from (select method, flow, status = 'confirmed' as confirmed, amount_vnd from payments
          where unit_id in ${unitList(w.unitIds)} and occurred_at >= ${w.fromTs} and occurred_at < ${w.toTs}) p
    group by grouping sets ((confirmed), (confirmed, method), (confirmed, flow))`,
  );
  const out: MoneyFigures = { totalVnd: 0, pendingVnd: 0, byMethod: [], byFlow: [] };
  for (const r of rows) {
    const amountVnd = Number(r.amount);
    // grouping() bits: method=4, flow=2, confirmed=1.
    if (r.g === 6) {
      if (r.confirmed) out.totalVnd = amountVnd;
      else out.pendingVnd = amountVnd;
    } else if (r.confirmed && r.g === 2)
      out.byMethod.push({ key: r.method!, amountVnd, count: r.n });
    else if (r.confirmed && r.g === 4) out.byFlow.push({ key: r.flow!, amountVnd, count: r.n });
  }
  out.byMethod.sort((a, b) => a.key.localeCompare(b.key));
  out.byFlow.sort((a, b) => a.key.localeCompare(b.key));
  return out;
}

/** Ratings given in the window, per star and per courier, and the latest few. */
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
    with r as materialized (
      select id, job_id, courier_id, stars, comment, created_at from ratings
      where unit_id in ${unitList(w.unitIds)} and created_at >= ${w.fromTs} and created_at < ${w.toTs}
    )
    select json_build_object(
      'dist', (select coalesce(json_agg(json_build_object('stars', stars, 'n', n)), '[]') from (select stars, count(*)::int n from r group by stars) x),
      'couriers', (select coalesce(json_agg(json_build_object('courierId', courier_id, 'n', n, 'avg', a)), '[]')
                   from (select courier_id, count(*)::int n, avg(stars)::float8 a from r where courier_id is not null group by courier_id) x),
      'recent', (select coalesce(json_agg(x order by x."createdAt" desc), '[]') from (
                   select r.stars, r.comment, r.created_at as "createdAt", j.code as "jobCode", u.full_name as "courierName"
                   from r join jobs j on j.id = r.job_id left join users u on u.id = r.courier_id
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
