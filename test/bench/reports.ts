/**
 * Dashboard benchmark: generates a province's worth of calls, jobs, job events, payments
 * and ratings in a fresh PostgreSQL database (set-based SQL with generate_series, in
 * creation-time order as a live system writes them), then asks for the 30-day province
 * dashboard many times and prints p50/p95.
 *
 *   DATABASE_URL=postgres://… npm run bench:reports -- [--jobs 1000000] [--runs 40] [--keep]
 *   DATABASE_URL=postgres://… npm run bench:reports -- --reuse tn_bench_reports_abc123
 *
 * --reuse measures a database kept by an earlier --keep run (migrations are applied first,
 * so a new migration can be measured on the same data without generating it again).
 *
 * Calls = 2 × jobs, spread over the 365 days before today. The database is created and
 * dropped here (kept with --keep, to look at query plans); the server named by DATABASE_URL only needs to allow CREATE DATABASE.
 * Baseline printed beside the figures: a bare `count(*)` over the same 30 days of jobs, the
 * least any dashboard must pay.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createServerDatabase, dropServerDatabase, serverDatabaseUrl } from '../support/test-db';
import { sql } from 'drizzle-orm';
import { addDays, toVnDate, vnStartOfDay } from '@tannha/shared';
import { openDatabase, queryRows } from '../../server/src/db/client';
import type { AuthContext } from '../../server/src/lib/http';
import { refreshJobMilestones } from '../../server/src/modules/reports/job-milestones';
import {
  rebuildReportRollups,
  ROLLUP_SOURCES,
} from '../../server/src/modules/reports/report-rollups.repository';
import { getReportSummary } from '../../server/src/modules/reports/reports.service';

function parseArgs(argv: string[]) {
  let jobs = 1_000_000;
  let runs = 40;
  let keep = false;
  let reuse: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? a.split('=', 2) : [a, undefined];
    const value = () => {
      const v = Number(inline ?? argv[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${flag} needs a positive whole number`);
      return v;
    };
    if (flag === '--keep') keep = true;
    else if (flag === '--reuse') {
      reuse = inline ?? argv[++i];
      if (!reuse || !/^tn_bench_reports_[0-9a-f]+$/.test(reuse))
        throw new Error('--reuse needs the name of a kept tn_bench_reports_… database');
    } else if (flag === '--jobs') jobs = value();
    else if (flag === '--runs') runs = value();
    else throw new Error(`unknown option ${a} (options: --jobs N, --runs N)`);
  }
  return { jobs, runs, keep: keep || reuse !== undefined, reuse };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const { jobs: requested, runs, keep, reuse } = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      'bench:reports needs DATABASE_URL (a PostgreSQL server where it may create a database).',
    );
    process.exit(2);
  }
  const name = reuse ?? `tn_bench_reports_${randomBytes(3).toString('hex')}`;
  const url = reuse
    ? serverDatabaseUrl(serverUrl, name)
    : await createServerDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 8 });
  try {
    const t0 = performance.now();
    await database.migrate();
    const db = database.db;
    const today = toVnDate(new Date());
    const start = vnStartOfDay(addDays(today, -365));
    const step = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
    const exec = async (label: string, q: ReturnType<typeof sql>) => {
      const t = performance.now();
      await db.execute(q);
      console.log(`  ${label.padEnd(34)} ${step(t)}`);
    };
    let N = requested;
    if (reuse) {
      N = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from jobs`))[0]!.n;
      console.log(`reusing ${name}: ${N} jobs (migrated in ${step(t0)})`);
    } else {
      console.log(`generating ${N} jobs and ${2 * N} calls in ${name} …`);
      // A bulk load, as an import would do it: the rollup triggers off, one rebuild at the end.
      await db.execute(
        sql.raw(ROLLUP_SOURCES.map((t) => `alter table ${t} disable trigger user;`).join('')),
      );

      // Organisation: a province office, 10 areas, 4 post offices each, 8 couriers per post office.
      await exec(
        'units, couriers, procedures',
        sql`
        insert into units (id, code, name, kind, parent_id, lat, lng)
          select md5('u0')::uuid, 'P', 'Bưu điện tỉnh', 'province_office', null, 10.95, 106.82;
        insert into units (id, code, name, kind, parent_id, lat, lng)
          select md5('a' || a)::uuid, 'A' || a, 'Khu vực ' || a, 'service_centre', md5('u0')::uuid, 10.9 + a * 0.01, 106.8 from generate_series(1, 10) a;
        insert into units (id, code, name, kind, parent_id, lat, lng)
          select md5('o' || o)::uuid, 'O' || o, 'Bưu cục ' || o, 'post_office', md5('a' || ((o - 1) / 4 + 1))::uuid, 10.9 + o * 0.002, 106.8 + o * 0.001 from generate_series(1, 40) o;
        insert into users (id, username, password_hash, full_name, role, unit_id)
          select md5('k' || k)::uuid, 'courier' || k, 'x', 'Bưu tá ' || k, 'courier', md5('o' || ((k - 1) / 8 + 1))::uuid from generate_series(1, 320) k;
        insert into procedures (id, code, name, agency, field, processing_days, fee_vnd, postal_charge_vnd)
          select md5('p' || p)::uuid, 'TT' || p, 'Thủ tục ' || p, 'Sở ' || (p % 6), 'Lĩnh vực ' || (p % 6), 5, 50000 + p * 1000, 26000 from generate_series(1, 45) p;
        insert into citizens (id, full_name, phone)
          select md5('z' || z)::uuid, 'Công dân ' || z, '+8491' || lpad(z::text, 7, '0') from generate_series(1, 50000) z;`,
      );

      // Calls, in time order, at the province office (the 1022 desk).
      await exec(
        `calls (${2 * N})`,
        sql`
        insert into calls (id, ticket_code, direction, caller_phone, unit_id, started_at, category, outcome, created_at)
          select md5('c' || g)::uuid, 'C' || g, 'inbound', '+84912000000', md5('u0')::uuid,
            ${start}::timestamptz + (g::float8 / ${2 * N}) * interval '365 days',
            (array['procedure_question','status_lookup','pickup_request','delivery_request','feedback','other'])[1 + g % 6],
            (array['answered','job_created','callback_scheduled','forwarded','missed'])[1 + (g / 7) % 5],
            ${start}::timestamptz + (g::float8 / ${2 * N}) * interval '365 days'
          from generate_series(1, ${2 * N}) g`,
      );

      // Jobs: every other one comes from a call; older jobs are finished, the last days spread along the path.
      await exec(
        `jobs (${N})`,
        sql`
        insert into jobs (id, code, type, status, unit_id, citizen_id, procedure_id, address_text, lat, lng, due_date,
                          fee_due_vnd, postal_charge_vnd, courier_id, call_id, created_at, updated_at, assigned_at, completed_at)
          select md5('j' || g)::uuid, 'J' || g, t.type, t.status, md5('o' || o)::uuid, md5('z' || (1 + g % 50000))::uuid,
            md5('p' || (1 + g % 45))::uuid, 'Số ' || (g % 400) || ' đường ' || (g % 50), 10.9 + random() * 0.1, 106.8 + random() * 0.1,
            ((t.created_at at time zone 'Asia/Ho_Chi_Minh')::date + 2 + (g % 3)), 60000, 26000,
            case when t.status <> 'new' then md5('k' || ((o - 1) * 8 + 1 + g % 8))::uuid end,
            case when g % 2 = 0 then md5('c' || (2 * g))::uuid end,
            t.created_at, t.created_at,
            case when t.status <> 'new' then t.created_at + interval '20 minutes' end,
            case when t.status = 'completed' then t.created_at + interval '1 day' * (1 + (g % 5)) end
          from generate_series(1, ${N}) g
          cross join lateral (select (1 + (g::bigint * 7919) % 40)::int as o) oo
          cross join lateral (
            select ${start}::timestamptz + (g::float8 / ${N}) * interval '365 days' as created_at,
                   case when g % 2 = 0 then 'home_assistance' else 'result_delivery' end as type
          ) t0
          cross join lateral (
            select t0.created_at, t0.type,
              case when t0.created_at < now() - interval '5 days' then (case when g % 50 = 0 then 'cancelled' else 'completed' end)
                   else (case when t0.type = 'home_assistance' then (array['new','assigned','accepted','en_route','on_site','collected','submitted','completed'])
                              else (array['new','assigned','accepted','picked_up','en_route','on_site','delivered','completed']) end)[1 + g % 8] end as status
          ) t`,
      );

      await exec(
        'job events',
        sql`
        insert into job_events (job_id, kind, from_status, to_status, occurred_at, recorded_at)
          select j.id, case when s.ord = 1 then 'created' when s.st = 'assigned' then 'assign' else 'transition' end,
            p.path[s.ord - 1], s.st, j.created_at + (s.ord - 1) * interval '3 hours', j.created_at + (s.ord - 1) * interval '3 hours'
          from jobs j
          cross join lateral (select case when j.type = 'home_assistance'
            then array['new','assigned','accepted','en_route','on_site','collected','submitted','completed']
            else array['new','assigned','accepted','picked_up','en_route','on_site','delivered','completed'] end as path) p
          cross join lateral unnest(p.path) with ordinality s(st, ord)
          where s.ord <= coalesce(array_position(p.path, j.status), 1)`,
      );

      // Money: a procedure fee and a postal charge on every job that got as far as collecting.
      await exec(
        'payments',
        sql`
        insert into payments (job_id, unit_id, collected_by, flow, method, amount_vnd, status, receipt_year, receipt_seq, receipt_no, occurred_at, recorded_at, shift_date)
          select j.id, j.unit_id, j.courier_id, f.flow, case when (row_number() over ()) % 3 = 0 then 'transfer' else 'cash' end,
            case when f.flow = 'procedure_fee' then j.fee_due_vnd else j.postal_charge_vnd end, 'confirmed',
            2000 + (row_number() over ()) % 100, row_number() over (), 'R' || (row_number() over ()),
            j.created_at + interval '9 hours', j.created_at + interval '9 hours', (j.created_at at time zone 'Asia/Ho_Chi_Minh')::date
          from jobs j cross join (values ('procedure_fee'), ('postal_charge')) f(flow)
          where j.status in ('collected', 'submitted', 'delivered', 'completed') and j.courier_id is not null`,
      );

      await exec(
        'ratings',
        sql`
        insert into ratings (job_id, unit_id, courier_id, stars, created_at)
          select id, unit_id, courier_id, 1 + (abs(hashtext(code)) % 5), completed_at + interval '2 hours'
          from jobs where status = 'completed' and abs(hashtext(code)) % 3 = 0`,
      );
      const tm = performance.now();
      await refreshJobMilestones(db);
      console.log(`  ${'job milestones (rollup)'.padEnd(34)} ${step(tm)}`);
      await db.execute(
        sql.raw(ROLLUP_SOURCES.map((t) => `alter table ${t} enable trigger user;`).join('')),
      );
      const tr = performance.now();
      await rebuildReportRollups(db);
      console.log(`  ${'daily report rollups (rebuild)'.padEnd(34)} ${step(tr)}`);
      // As autovacuum would: statistics, and the visibility map that index-only scans need.
      await exec('vacuum analyze', sql`vacuum analyze`);
      console.log(`generated in ${step(t0)}`);
    }

    const province = (
      await queryRows<{ id: string }>(db, sql`select id from units where code = 'P'`)
    )[0]!.id;
    const unitIds = (await queryRows<{ id: string }>(db, sql`select id from units`)).map(
      (r) => r.id,
    );
    const auth: AuthContext = {
      user: {
        id: '00000000-0000-4000-8000-000000000000',
        username: 'bench',
        fullName: 'Bench',
        role: 'manager',
        unitId: province,
        unitName: 'P',
      },
      unitIds,
      sessionId: 'bench',
    };
    const query = { from: addDays(today, -29), to: today };
    const summary = await getReportSummary(db, auth, query);
    console.log(
      `30-day province dashboard: ${summary.jobs.total} jobs, ${summary.calls.total} calls, ${summary.couriers.length} couriers, on-time ${(100 * (summary.onTime.rate ?? 0)).toFixed(1)} %`,
    );

    const baseline: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await db.execute(
        sql`select count(*) from jobs where created_at >= ${vnStartOfDay(query.from)} and created_at < ${vnStartOfDay(addDays(today, 1))}`,
      );
      baseline.push(performance.now() - t);
    }
    for (let i = 0; i < 3; i++) await getReportSummary(db, auth, query); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await getReportSummary(db, auth, query);
      times.push(performance.now() - t);
    }
    console.log(`baseline count(*) of the window's jobs: p50 ${pct(baseline, 50).toFixed(0)} ms`);
    console.log(
      `dashboard over ${runs} runs: p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    );
    console.log(`reports: ${N} jobs, p95 ${Math.round(pct(times, 95))} ms`);
  } finally {
    await database.close();
    if (keep) {
      console.log(`kept database ${name} (--keep): drop it when done`);
    } else {
      await dropServerDatabase(serverUrl, name);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
