import { sql } from 'drizzle-orm';
import { addDays, dueDate, toVnDate, vnStartOfDay } from '@tannha/shared';
import { queryRows, type Tx } from '../db/client';
import { jobEvents, jobs } from '../db/schema';
import { loadWorkingCalendar } from '../modules/calendar/calendar.service';
import { nextJobSequence } from '../modules/jobs/jobs.service';
import { createdEvent } from './demo-events';

const WAITING = 8;
const LATE = 2;

/**
 * Demo couriers on duty, each with a last position a few hundred metres from their post
 * office (deterministic, so every fresh demo looks the same); a few open jobs so the
 * dispatch map has work on any day of the week (requests waiting to be assigned, and two
 * late ones still with a courier); and each job's "in this status since" taken from its
 * last event, so the late list tells the truth. Today's times never reach back before the
 * local midnight (Asia/Ho_Chi_Minh), whatever the hour the demo is seeded at.
 */
export async function seedDemoCouriers(tx: Tx, now: Date): Promise<void> {
  const dayStart = vnStartOfDay(toVnDate(now)).getTime();
  const sinceToday = (ms: number) => new Date(Math.max(dayStart, now.getTime() - ms));
  await tx.execute(sql`
    insert into courier_status (courier_id, on_duty, on_duty_since, shift_end, last_lat, last_lng, last_accuracy, last_at)
    select u.id, true, ${sinceToday(2 * 3600_000).toISOString()}::timestamptz, '22:00',
           un.lat + ((row_number() over (partition by u.unit_id order by u.username))::float8 - 1.5) * 0.004,
           un.lng + (((row_number() over (partition by u.unit_id order by u.username)) % 2)::float8 - 0.5) * 0.006,
           12, ${sinceToday(2 * 60_000).toISOString()}::timestamptz
    from users u join units un on un.id = u.unit_id
    where u.role = 'courier' and un.lat is not null
    on conflict (courier_id) do nothing`);

  const picks = await queryRows<{
    citizen_id: string;
    unit_id: string;
    address_text: string;
    lat: number;
    lng: number;
    courier_id: string | null;
  }>(
    tx,
    sql`select c.id as citizen_id, c.unit_id, a.address_text, a.lat, a.lng,
               (select u.id from users u where u.role = 'courier' and u.unit_id = c.unit_id order by u.username limit 1) as courier_id
        from citizens c join citizen_addresses a on a.citizen_id = c.id
        where c.unit_id is not null and a.lat is not null
        order by c.phone limit ${WAITING + LATE}`,
  );
  const procs = await queryRows<{ id: string; fee_vnd: number; postal_charge_vnd: number }>(
    tx,
    sql`select id, fee_vnd, postal_charge_vnd from procedures where not in_person_only and active order by code limit 10`,
  );
  const dispatcher =
    (
      await queryRows<{ id: string }>(tx, sql`select id from users where username = 'dispatcher1'`)
    )[0]?.id ?? null;
  const operator =
    (await queryRows<{ id: string }>(tx, sql`select id from users where username = 'operator1'`))[0]
      ?.id ?? null;
  if (procs.length === 0) return;
  const cal = await loadWorkingCalendar(tx);
  const prefix = `TN${toVnDate(now).slice(2).replace(/-/g, '')}`;
  // Waiting requests came in every 17 minutes before now; shortly after midnight they are
  // packed closer so the earliest still falls on today.
  const step = Math.min(17 * 60_000, (now.getTime() - dayStart) / (picks.length + 1));
  for (const [i, p] of picks.entries()) {
    const late = i >= WAITING && p.courier_id !== null;
    const createdAt = late
      ? new Date(now.getTime() - 6 * 24 * 3600_000)
      : new Date(now.getTime() - (i + 1) * step);
    const proc = procs[i % procs.length]!;
    const seq = await nextJobSequence(tx, prefix);
    const [row] = await tx
      .insert(jobs)
      .values({
        code: `${prefix}${String(seq).padStart(4, '0')}`,
        type: i % 3 === 1 ? 'result_delivery' : 'home_assistance',
        status: late ? 'accepted' : 'new',
        unitId: p.unit_id,
        citizenId: p.citizen_id,
        procedureId: proc.id,
        dossierCode:
          i % 3 === 1
            ? `H48.19.12-${addDays(toVnDate(now), -7).slice(2).replace(/-/g, '')}-${String(100 + i).padStart(4, '0')}`
            : null,
        addressText: p.address_text,
        lat: p.lat,
        lng: p.lng,
        dueDate: dueDate(cal, createdAt, 2),
        priority: i === 0 ? 2 : i === 3 ? 1 : 0,
        feeDueVnd: Number(proc.fee_vnd),
        postalChargeVnd: Number(proc.postal_charge_vnd),
        courierId: late ? p.courier_id : null,
        createdBy: operator,
        createdAt,
        updatedAt: createdAt,
        assignedAt: late ? new Date(createdAt.getTime() + 30 * 60_000) : null,
        notes: i === 0 ? 'Công dân lớn tuổi, gọi trước khi đến (dữ liệu mẫu).' : null,
      })
      .returning({ id: jobs.id });
    const events: (typeof jobEvents.$inferInsert)[] = [createdEvent(row!.id, operator, createdAt)];
    if (late) {
      const at1 = new Date(createdAt.getTime() + 30 * 60_000);
      const at2 = new Date(createdAt.getTime() + 60 * 60_000);
      events.push({
        jobId: row!.id,
        kind: 'assign',
        fromStatus: 'new',
        toStatus: 'assigned',
        actorId: dispatcher,
        occurredAt: at1,
        recordedAt: at1,
        data: { courierId: p.courier_id },
      });
      events.push({
        jobId: row!.id,
        kind: 'transition',
        fromStatus: 'assigned',
        toStatus: 'accepted',
        actorId: p.courier_id,
        occurredAt: at2,
        recordedAt: at2,
      });
    }
    await tx.insert(jobEvents).values(events);
  }

  await tx.execute(sql`
    update jobs set status_changed_at = e.last_at
    from (select job_id, max(occurred_at) as last_at from job_events group by job_id) e
    where e.job_id = jobs.id`);
}
