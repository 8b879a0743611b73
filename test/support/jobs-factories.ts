import { randomBytes } from 'node:crypto';
import type { JobType } from '@tannha/shared';
import type { Db } from '../../server/src/db/client';
import { courierStatus } from '../../server/src/db/schema';
import { createCitizen, createOrgFixture, createProcedure, createUser } from './factories';

const uniq = () => randomBytes(3).toString('hex');

export { createCitizen };

/** Puts a courier on duty with a last position (as if their phone had reported it). */
export async function setCourierOnDuty(
  db: Db,
  courierId: string,
  pos?: { lat: number; lng: number; at?: Date },
  shiftEnd = '23:59',
) {
  await db
    .insert(courierStatus)
    .values({
      courierId,
      onDuty: true,
      onDutySince: new Date(),
      shiftEnd,
      lastLat: pos?.lat ?? null,
      lastLng: pos?.lng ?? null,
      lastAt: pos ? (pos.at ?? new Date()) : null,
    })
    .onConflictDoUpdate({
      target: courierStatus.courierId,
      set: {
        onDuty: true,
        shiftEnd,
        lastLat: pos?.lat ?? null,
        lastLng: pos?.lng ?? null,
        lastAt: pos ? (pos.at ?? new Date()) : null,
      },
    });
}

/** The org fixture plus a procedure, a citizen and a second courier in unit A and one in unit B. */
export async function createJobsFixture(db: Db) {
  const org = await createOrgFixture(db);
  const procedure = await createProcedure(db, {
    name: `Cấp bản sao trích lục ${uniq()}`,
    feeVnd: 8_000,
    postalChargeVnd: 26_000,
  });
  const inPerson = await createProcedure(db, { name: 'Đăng ký kết hôn', inPersonOnly: true });
  const citizen = await createCitizen(db, { fullName: 'Đặng Minh Dũng', phone: '+84912345678' });
  const courier2 = await createUser(db, 'courier', org.unitA.id, { fullName: 'Trần Minh Đức' });
  const courierB = await createUser(db, 'courier', org.unitB.id, { fullName: 'Lê Văn B' });
  return { ...org, procedure, inPerson, citizen, courier1: org.inA.courier, courier2, courierB };
}

/** A `POST /api/jobs` body for the fixture. */
export function jobBody(
  f: { unitA: { id: string }; citizen: { id: string }; procedure: { id: string } },
  over: Record<string, unknown> = {},
) {
  return {
    type: 'home_assistance' as JobType,
    unitId: f.unitA.id,
    citizenId: f.citizen.id,
    procedureId: f.procedure.id,
    addressText: '96 Cách Mạng Tháng Tám, phường Trấn Biên, Đồng Nai',
    lat: 10.9512,
    lng: 106.8226,
    ...over,
  };
}

export type JobsFixture = Awaited<ReturnType<typeof createJobsFixture>>;

/** The people of unit A by the part they play in a job's life (`courier` is courier1). */
export function jobsStaff(f: JobsFixture) {
  return {
    operator: f.inA.operator,
    dispatcher: f.inA.dispatcher,
    courier: f.courier1,
    courier2: f.courier2,
    manager: f.inA.manager,
  };
}
export type JobsRole = keyof ReturnType<typeof jobsStaff>;
