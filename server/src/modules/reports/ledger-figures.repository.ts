import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client';
import type { ReportWindow } from './report-window';
import { unitList } from './reports.repository';

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
