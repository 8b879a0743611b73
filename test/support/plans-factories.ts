import { randomBytes } from 'node:crypto';
import { addDays, toVnDate, vnStartOfDay } from '@tannha/shared';
import type { Db } from '../../server/src/db/client';
import { citizens, courierStatus, jobs } from '../../server/src/db/schema';
import { createOrgFixture, createProcedure, createUser } from './factories';

const uniq = () => randomBytes(4).toString('hex').toUpperCase();

/** A job for the planner, written directly (these tests are about planning, not job creation). */
export async function createPlanJob(
  db: Db,
  opts: {
    unitId: string;
    citizenId: string;
    procedureId: string;
    lat: number | null;
    lng: number | null;
    /** Local date and hours of the window, e.g. ['2030-03-04', 8, 10]; omitted → no window. */
    window?: [string, number, number];
    type?: 'home_assistance' | 'result_delivery' | 'fee_collection';
    status?: string;
    courierId?: string | null;
  },
) {
  const base = opts.window ? vnStartOfDay(opts.window[0]).getTime() : 0;
  const [row] = await db
    .insert(jobs)
    .values({
      code: `TP${uniq()}`,
      type: opts.type ?? 'home_assistance',
      status: opts.status ?? 'new',
      unitId: opts.unitId,
      citizenId: opts.citizenId,
      procedureId: opts.procedureId,
      addressText: `${Math.floor(Math.random() * 300) + 1} Phạm Văn Thuận, phường Tam Hiệp, Đồng Nai`,
      lat: opts.lat,
      lng: opts.lng,
      windowStart: opts.window ? new Date(base + opts.window[1] * 3600_000) : null,
      windowEnd: opts.window ? new Date(base + opts.window[2] * 3600_000) : null,
      dueDate: opts.window?.[0] ?? null,
      courierId: opts.courierId ?? null,
      assignedAt: opts.courierId ? new Date() : null,
    })
    .returning();
  return row!;
}

const WINDOWS: [number, number][] = [
  [8, 10],
  [8, 10],
  [9, 11],
  [9, 11],
  [10, 12],
  [13, 15],
  [13, 15],
  [14, 16],
  [14, 16],
  [15, 17],
];

/**
 * A post office's day: three couriers (one started on a visit already), fifteen home visits
 * around it on `date` with appointment windows or none, one without coordinates, one whose
 * window closes before the shift, and a job of the neighbouring unit that must stay out.
 */
export async function createPlanDayFixture(db: Db, date = addDays(toVnDate(new Date()), 7)) {
  const org = await createOrgFixture(db);
  const procedure = await createProcedure(db);
  const [citizen] = await db
    .insert(citizens)
    .values({ fullName: 'Nguyễn Thị Lan', phone: '+84912000111', unitId: org.unitA.id })
    .returning();
  const courier1 = org.inA.courier;
  const courier2 = await createUser(db, 'courier', org.unitA.id, { fullName: 'Trần Minh Đức' });
  const courier3 = await createUser(db, 'courier', org.unitA.id, { fullName: 'Lê Thị Hồng' });
  for (const c of [courier1, courier2, courier3]) {
    await db
      .insert(courierStatus)
      .values({ courierId: c.id, onDuty: true, onDutySince: new Date(), shiftEnd: '17:30' })
      .onConflictDoNothing();
  }
  const common = { unitId: org.unitA.id, citizenId: citizen!.id, procedureId: procedure.id };
  // Deterministic spread of places within ~3 km of the post office (10.95, 106.82).
  const place = (i: number) => ({
    lat: 10.95 + 0.025 * Math.sin(i * 2.4),
    lng: 106.82 + 0.025 * Math.cos(i * 1.7),
  });
  const visits = [];
  for (let i = 0; i < 15; i++) {
    const w = i < WINDOWS.length ? WINDOWS[i]! : undefined;
    visits.push(
      await createPlanJob(db, {
        ...common,
        ...place(i),
        window: w ? [date, w[0], w[1]] : undefined,
        type: i % 3 === 1 ? 'result_delivery' : 'home_assistance',
      }),
    );
  }
  const noPlace = await createPlanJob(db, {
    ...common,
    lat: null,
    lng: null,
    window: [date, 9, 11],
  });
  const tooEarly = await createPlanJob(db, { ...common, ...place(20), window: [date, 6, 7] });
  const otherUnit = await createPlanJob(db, {
    ...common,
    unitId: org.unitB.id,
    ...place(21),
    window: [date, 9, 11],
  });
  const otherDay = await createPlanJob(db, {
    ...common,
    ...place(22),
    window: [addDays(date, 1), 9, 11],
  });
  return {
    ...org,
    date,
    procedure,
    citizen: citizen!,
    couriers: [courier1, courier2, courier3],
    visits,
    noPlace,
    tooEarly,
    otherUnit,
    otherDay,
  };
}
