import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOfWeek, toVnDate } from '@tannha/shared';
import { queryRows } from '../../server/src/db/client';
import { seedDemoData } from '../../server/src/demo/demo-seed';
import { buildTestApp, type TestApp } from '../support/app';

let t: TestApp;
const now = new Date();
const today = toVnDate(now);

beforeAll(async () => {
  t = await buildTestApp();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-demo-history-'));
  await seedDemoData(t.database.db, { dataDir, password: 'demo-Pass-1022-history', now });
}, 240_000);
afterAll(async () => t?.close());

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);

describe('the demo history looks like a working office', () => {
  it('tells every job’s story in order: the call, then created, assigned, … completed, nothing after now', async () => {
    const bad = await rows<{ code: string; why: string }>(sql`
      with ev as (
        select e.job_id, e.kind, e.to_status, e.occurred_at,
               lag(e.occurred_at) over (partition by e.job_id order by e.id) as before,
               row_number() over (partition by e.job_id order by e.id) as n
        from job_events e
      )
      select j.code, 'event before the one written earlier' as why from jobs j join ev on ev.job_id = j.id
        where ev.occurred_at < ev.before
      union all
      select j.code, 'first event is not the creation at created_at' from jobs j join ev on ev.job_id = j.id
        where ev.n = 1 and (ev.kind <> 'created' or ev.occurred_at <> j.created_at)
      union all
      select j.code, 'event in the future' from jobs j join ev on ev.job_id = j.id
        where ev.occurred_at > ${now.toISOString()}::timestamptz
      union all
      select j.code, 'created before its call' from jobs j join calls c on c.id = j.call_id
        where j.created_at < c.started_at
      union all
      select j.code, 'assigned or completed before created' from jobs j
        where j.assigned_at < j.created_at or j.completed_at < j.created_at
      union all
      select j.code, 'completed_at is not the completion event' from jobs j
        where j.status = 'completed' and j.completed_at is distinct from
          (select max(e.occurred_at) from job_events e where e.job_id = j.id and e.to_status = 'completed')
      union all
      select j.code, 'status is not the last event''s' from jobs j
        where j.status <> (select e.to_status from job_events e where e.job_id = j.id and e.to_status is not null order by e.id desc limit 1)`);
    expect(bad).toEqual([]);
  });

  it('finishes most jobs on time, a few late, and leaves a handful open past due today', async () => {
    const [r] = await rows<{ done: number; on_time: number; open_late: number }>(sql`
      select count(*) filter (where status = 'completed')::int as done,
             count(*) filter (where status = 'completed'
               and (completed_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_date)::int as on_time,
             count(*) filter (where status not in ('completed', 'returned', 'cancelled')
               and due_date < ${today}::date)::int as open_late
      from jobs`);
    expect(r!.done).toBeGreaterThan(50);
    const share = r!.on_time / r!.done;
    console.info(
      `demo history: ${r!.done} done, ${(share * 100).toFixed(1)} % on time, ${r!.open_late} open past due`,
    );
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(share).toBeLessThanOrEqual(0.97);
    expect(r!.open_late).toBeGreaterThanOrEqual(2);
    expect(r!.open_late).toBeLessThanOrEqual(10);
  });

  it('takes calls in office hours, fewer on weekends and holidays', async () => {
    const calls = await rows<{ day: string; hour: number; n: number }>(sql`
      select to_char(started_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day,
             extract(hour from started_at at time zone 'Asia/Ho_Chi_Minh')::int as hour, count(*)::int as n
      from calls group by 1, 2`);
    for (const c of calls) {
      expect(c.hour, c.day).toBeGreaterThanOrEqual(7);
      expect(c.hour, c.day).toBeLessThan(17);
    }
    const perDay = new Map<string, number>();
    for (const c of calls) perDay.set(c.day, (perDay.get(c.day) ?? 0) + c.n);
    const avg = (days: string[]) =>
      days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / Math.max(1, days.length);
    const past = [...perDay.keys()].filter((d) => d < today);
    const weekdays = past.filter((d) => ![0, 6].includes(dayOfWeek(d)));
    const weekends = past.filter((d) => [0, 6].includes(dayOfWeek(d)));
    expect(avg(weekends)).toBeLessThan(avg(weekdays) / 3);
  });
});
