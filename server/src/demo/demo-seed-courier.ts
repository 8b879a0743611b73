import { and, eq } from 'drizzle-orm';
import { toVnDate, vnStartOfDay } from '@tannha/shared';
import type { Tx } from '../db/client';
import {
  citizenAddresses,
  citizens,
  jobEvents,
  jobs,
  procedures,
  settings,
  units,
  users,
} from '../db/schema';
import { hashIdNumber } from '../modules/handovers/id-hash';
import { createdEvent, morningOf } from './demo-events';

/** The demo citizen's ID number (sample data): the handover's ID check matches it. */
export const DEMO_DELIVERY_CCCD = '075203012345';

/**
 * Demo data for the courier's phone: the post office's bank account for VietQR, and three jobs
 * for courier1 today, in route order — a result delivery ready to start (assigned, with fees
 * to collect), a result delivery already at the door (no fee), and a home pickup.
 */
export async function seedCourierDemo(tx: Tx, now: Date): Promise<void> {
  await tx
    .insert(settings)
    .values({
      key: 'payment_bank',
      value: {
        bankBin: '970416',
        accountNumber: '257678859',
        accountName: 'BUU DIEN TINH DONG NAI',
      },
    })
    .onConflictDoNothing();
  const [courier] = await tx.select().from(users).where(eq(users.username, 'courier1')).limit(1);
  const [dispatcher] = await tx
    .select()
    .from(users)
    .where(eq(users.username, 'dispatcher1'))
    .limit(1);
  if (!courier || !dispatcher) return;
  const [unit] = await tx.select().from(units).where(eq(units.id, courier.unitId)).limit(1);
  const [proc] = await tx
    .select()
    .from(procedures)
    .where(and(eq(procedures.inPersonOnly, false), eq(procedures.active, true)))
    .limit(1);
  if (!unit || !proc) return;
  const day = toVnDate(now);
  const ymd = day.slice(2).replace(/-/g, '');
  const base = vnStartOfDay(day).getTime();
  const at = (h: number) => new Date(base + h * 3600_000);
  // What already happened this morning (creation, assignment, steps), never after now.
  const past = morningOf(now, 9);
  const lat = unit.lat ?? 10.95;
  const lng = unit.lng ?? 106.84;

  const people = [
    {
      name: 'Phạm Thị Lan',
      phone: '+84913220101',
      cccd: DEMO_DELIVERY_CCCD,
      address: `45 Phạm Văn Thuận, ${unit.name}, Đồng Nai`,
      dLat: 0.004,
      dLng: 0.006,
    },
    {
      name: 'Võ Minh Tuấn',
      phone: '+84913220102',
      cccd: '075098765432',
      address: `18 Đồng Khởi, ${unit.name}, Đồng Nai`,
      dLat: -0.006,
      dLng: 0.003,
    },
    {
      name: 'Lê Thị Mai',
      phone: '+84913220103',
      cccd: null,
      address: `210 Bùi Văn Hòa, ${unit.name}, Đồng Nai`,
      dLat: 0.008,
      dLng: -0.005,
    },
  ];
  const plan = [
    {
      type: 'result_delivery',
      status: 'assigned',
      fee: 50_000,
      postal: 26_000,
      path: ['new', 'assigned'],
      window: 8,
    },
    {
      type: 'result_delivery',
      status: 'on_site',
      fee: 0,
      postal: 0,
      path: ['new', 'assigned', 'accepted', 'picked_up', 'en_route', 'on_site'],
      window: 9,
    },
    {
      type: 'home_assistance',
      status: 'assigned',
      fee: proc.feeVnd,
      postal: proc.postalChargeVnd,
      path: ['new', 'assigned'],
      window: 14,
    },
  ] as const;

  for (const [i, p] of plan.entries()) {
    const who = people[i]!;
    const [c] = await tx
      .insert(citizens)
      .values({
        fullName: who.name,
        phone: who.phone,
        unitId: unit.id,
        cccdHash: who.cccd ? hashIdNumber(who.cccd) : null,
        cccdLast4: who.cccd ? who.cccd.slice(-4) : null,
      })
      .returning({ id: citizens.id });
    await tx.insert(citizenAddresses).values({
      citizenId: c!.id,
      label: 'Nhà riêng',
      addressText: who.address,
      lat: lat + who.dLat,
      lng: lng + who.dLng,
    });
    const createdAt = past(7);
    const [job] = await tx
      .insert(jobs)
      .values({
        code: `TN${ymd}${9001 + i}`,
        type: p.type,
        status: p.status,
        unitId: unit.id,
        citizenId: c!.id,
        procedureId: proc.id,
        dossierCode:
          p.type === 'result_delivery'
            ? `H48.19.11-${ymd}-${String(101 + i).padStart(4, '0')}`
            : null,
        addressText: who.address,
        lat: lat + who.dLat,
        lng: lng + who.dLng,
        windowStart: at(p.window),
        windowEnd: at(p.window + 2),
        dueDate: day,
        feeDueVnd: p.fee,
        postalChargeVnd: p.postal,
        courierId: courier.id,
        routeOrder: i + 1,
        attemptCount: p.status === 'on_site' ? 1 : 0,
        createdBy: dispatcher.id,
        createdAt,
        updatedAt: createdAt,
        assignedAt: past(7.2),
        statusChangedAt: past(7 + p.path.length * 0.2),
      })
      .returning({ id: jobs.id });
    const events: (typeof jobEvents.$inferInsert)[] = [
      createdEvent(job!.id, dispatcher.id, createdAt),
    ];
    for (let k = 1; k < p.path.length; k++) {
      const t = past(7 + k * 0.2);
      events.push({
        jobId: job!.id,
        kind: p.path[k] === 'assigned' ? 'assign' : 'transition',
        fromStatus: p.path[k - 1]!,
        toStatus: p.path[k]!,
        actorId: p.path[k] === 'assigned' ? dispatcher.id : courier.id,
        occurredAt: t,
        recordedAt: t,
      });
    }
    await tx.insert(jobEvents).values(events);
  }
}
