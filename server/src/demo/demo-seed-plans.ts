import { sql } from 'drizzle-orm';
import { toVnDate, vnStartOfDay } from '@tannha/shared';
import { queryRows, type Tx } from '../db/client';
import { jobEvents, jobs } from '../db/schema';
import { nextJobSequence } from '../modules/jobs/jobs.service';
import { createdEvent, morningOf } from './demo-events';

/** Appointment windows (local hours) of the demo day's visits per post office; null = no window. */
const WINDOWS: ([number, number] | null)[] = [[8, 10], [9, 11], [10, 12], [13, 15], [14, 16], null];

/**
 * Today's unplanned home visits for the route planner: for each post office of the Biên Hòa
 * area (dispatcher1's), six new jobs at citizens' addresses around it, five with an
 * appointment window spread over the day and one without. Deterministic, like the rest of
 * the demo.
 */
export async function seedPlansDemo(tx: Tx, now: Date): Promise<void> {
  const day = toVnDate(now);
  const base = vnStartOfDay(day).getTime();
  // Requests came in this morning, never after now.
  const past = morningOf(now, 8);
  const offices = await queryRows<{ id: string }>(
    tx,
    sql`select u.id from units u join units p on p.id = u.parent_id where p.code = 'DNI-BH' and u.kind = 'post_office' order by u.code`,
  );
  const proc = (
    await queryRows<{ id: string; fee_vnd: number; postal_charge_vnd: number }>(
      tx,
      sql`select id, fee_vnd, postal_charge_vnd from procedures where not in_person_only and active order by code limit 1`,
    )
  )[0];
  const operator =
    (await queryRows<{ id: string }>(tx, sql`select id from users where username = 'operator1'`))[0]
      ?.id ?? null;
  if (!proc) return;
  const prefix = `TN${day.slice(2).replace(/-/g, '')}`;
  for (const office of offices) {
    const people = await queryRows<{
      citizen_id: string;
      address_text: string;
      lat: number;
      lng: number;
    }>(
      tx,
      sql`select c.id as citizen_id, a.address_text, a.lat, a.lng
          from citizens c join citizen_addresses a on a.citizen_id = c.id
          where c.unit_id = ${office.id} and a.lat is not null
          order by c.phone desc limit ${WINDOWS.length}`,
    );
    for (const [i, p] of people.entries()) {
      const w = WINDOWS[i] ?? null;
      const type = i % 2 === 0 ? 'home_assistance' : 'result_delivery';
      const createdAt = past(6 + i * 0.1);
      const seq = await nextJobSequence(tx, prefix);
      const [row] = await tx
        .insert(jobs)
        .values({
          code: `${prefix}${String(seq).padStart(4, '0')}`,
          type,
          status: 'new',
          unitId: office.id,
          citizenId: p.citizen_id,
          procedureId: proc.id,
          dossierCode:
            type === 'result_delivery'
              ? `H48.19.13-${day.slice(2).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`
              : null,
          addressText: p.address_text,
          lat: Number(p.lat),
          lng: Number(p.lng),
          windowStart: w ? new Date(base + w[0] * 3600_000) : null,
          windowEnd: w ? new Date(base + w[1] * 3600_000) : null,
          dueDate: day,
          feeDueVnd: Number(proc.fee_vnd),
          postalChargeVnd: Number(proc.postal_charge_vnd),
          createdBy: operator,
          createdAt,
          updatedAt: createdAt,
          statusChangedAt: createdAt,
          notes: 'Hẹn trong ngày, chờ lập lộ trình (dữ liệu mẫu).',
        })
        .returning({ id: jobs.id });
      await tx.insert(jobEvents).values(createdEvent(row!.id, operator, createdAt));
    }
  }
}
