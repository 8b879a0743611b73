import { randomUUID } from 'node:crypto';
import { eq, getTableName, sql } from 'drizzle-orm';
import type { Db } from '../../server/src/db/client';
import {
  agencyHandovers,
  callCallbacks,
  calls,
  cashHandovers,
  citizenAddresses,
  citizens,
  documents,
  feeRemittances,
  jobEvents,
  jobs,
  payments,
  plans,
  procedures,
  resultPickups,
  units,
  users,
} from '../../server/src/db/schema';
import { buildTestApp, loginAs, type TestApp } from './app';
import { createCourierJob } from './courier-factories';
import { createUser, TEST_PASSWORD } from './factories';
import { createJobsFixture, jobBody, setCourierOnDuty } from './jobs-factories';
import type { Agent } from './org-app';

/** A 1×1 PNG, the smallest scan a phone could send. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export const STAFF_ROLES = ['operator', 'dispatcher', 'courier', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The main tables whose row counts a refused request must leave as they were. */
const COUNTED = {
  units,
  users,
  procedures,
  citizens,
  citizenAddresses,
  calls,
  callCallbacks,
  jobs,
  jobEvents,
  payments,
  documents,
  plans,
  agencyHandovers,
  cashHandovers,
  feeRemittances,
  resultPickups,
};

/** Row counts of the main tables, by table (one round trip). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const fields = Object.values(COUNTED).map(
    (table) => sql`${getTableName(table)}::text, (select count(*) from ${table})::int`,
  );
  const result = await db.execute(sql`select json_build_object(${sql.join(fields, sql`, `)}) as n`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    n: Record<string, number> | string;
  }[];
  const n = rows[0]!.n;
  return typeof n === 'string' ? (JSON.parse(n) as Record<string, number>) : n;
}

async function created(res: { status: number; body: unknown }, what: string) {
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}

/**
 * Unit A's records, written through the API by unit A's own staff as the screens write
 * them (the citizen without a unit, as the operator console sends it), with values that
 * must never reach anyone outside unit A.
 */
async function seedUnitA(
  db: Db,
  f: Awaited<ReturnType<typeof createJobsFixture>>,
  a: Record<StaffRole, Agent>,
) {
  const secret = {
    name: 'Hoàng Thị Bí Mật',
    phone: '+84987650321',
    content: 'Nội dung riêng của bưu cục A về hồ sơ ly hôn',
    address: '77 Đường Kín Đáo, phường Trấn Biên, Đồng Nai',
  };
  const citizen = await created(
    await a.operator.post('/api/citizens').send({
      fullName: secret.name,
      phone: secret.phone,
      addresses: [{ label: 'Nhà', addressText: secret.address, lat: 10.95, lng: 106.82 }],
    }),
    'citizen of A',
  );
  const addressId = (citizen.addresses as { id: string }[])[0]!.id;
  const call = await created(
    await a.operator
      .post('/api/calls')
      .send({ callerPhone: secret.phone, citizenId: citizen.id, content: secret.content }),
    'call of A',
  );
  const callback = await created(
    await a.operator
      .post(`/api/calls/${call.id}/callbacks`)
      .send({ dueAt: new Date(Date.now() + 3600_000).toISOString(), note: 'Gọi lại' }),
    'callback of A',
  );
  const job = await created(
    await a.operator
      .post('/api/jobs')
      .send(jobBody({ ...f, citizen }, { addressText: secret.address, callId: call.id })),
    'job of A',
  );
  const doorJob = await createCourierJob(db, {
    unitId: f.unitA.id,
    courierId: f.courier1.id,
    type: 'home_assistance',
    status: 'on_site',
    citizenId: citizen.id,
    procedureId: f.procedure.id,
  });
  const collection = await created(
    await a.courier
      .post(`/api/jobs/${doorJob.id}/payments`)
      .set('Idempotency-Key', randomUUID())
      .send({ lines: [{ flow: 'procedure_fee', amountVnd: 100_000 }], method: 'cash' }),
    'payment of A',
  );
  const payment = (collection.payments as { id: string }[])[0]!;
  const document = await created(
    await a.courier
      .post(`/api/jobs/${doorJob.id}/documents`)
      .set('Idempotency-Key', randomUUID())
      .field('kind', 'scan')
      .field('pageOrder', '0')
      .attach('file', TINY_PNG, 'page.png'),
    'document of A',
  );
  await setCourierOnDuty(db, f.courier1.id, { lat: 10.95, lng: 106.82 });
  const plan = await a.dispatcher
    .post(`/api/units/${f.unitA.id}/plans`)
    .send({ date: new Date().toISOString().slice(0, 10), budgetMs: 100 });
  const victim = await createUser(db, 'operator', f.unitA.id, { fullName: 'Nhân viên A' });
  const pickup = await created(
    await a.courier
      .post('/api/couriers/me/result-pickups')
      .set('Idempotency-Key', randomUUID())
      .send({
        codes: [await resultAtCounter(db, f.unitA.id, citizen.id)],
        agencyName: 'Trung tâm Phục vụ hành chính công',
        clerkName: 'Cán bộ A',
        clerkSignature: `data:image/png;base64,${TINY_PNG.toString('base64')}`,
      }),
    'result pickup of A',
  );
  return {
    secret: { ...secret, jobCode: String(job.code), doorJobCode: doorJob.code },
    citizenId: citizen.id,
    addressId,
    callId: call.id,
    callbackId: callback.id,
    jobId: job.id,
    doorJobId: doorJob.id,
    paymentId: payment.id,
    documentId: document.id,
    planId: plan.status === 201 ? (plan.body as { id: string }).id : randomUUID(),
    userId: victim.id,
    pickupId: pickup.id,
  };
}

/** A finished result of `unitId` waiting at the agency's counter; returns its dossier code. */
async function resultAtCounter(db: Db, unitId: string, citizenId: string): Promise<string> {
  const job = await createCourierJob(db, { unitId, courierId: null, status: 'new', citizenId });
  const dossierCode = 'H48.19.10-261207-0001';
  await db.update(jobs).set({ dossierCode }).where(eq(jobs.id, job.id));
  return dossierCode;
}

/**
 * One app with two sibling post offices A and B under one province: a signed-in member of
 * every role in each, and unit A's records (see {@link seedUnitA}). The opening of the
 * authorization matrix and of the bad-input properties.
 */
export async function buildTwoUnitWorld() {
  const t: TestApp = await buildTestApp();
  const db = t.database.db;
  const f = await createJobsFixture(db);
  const inB: Record<StaffRole, { username: string; id: string }> = {
    operator: await createUser(db, 'operator', f.unitB.id),
    dispatcher: f.dispatcherB,
    courier: f.courierB,
    manager: await createUser(db, 'manager', f.unitB.id),
    admin: await createUser(db, 'admin', f.unitB.id),
  };
  const inA: Record<StaffRole, { username: string; id: string }> = { ...f.inA };
  const signIn = async (who: Record<StaffRole, { username: string }>) =>
    Object.fromEntries(
      await Promise.all(
        STAFF_ROLES.map(async (r) => [r, await loginAs(t.app, who[r].username, TEST_PASSWORD)]),
      ),
    ) as Record<StaffRole, Agent>;
  const a = await signIn(inA);
  const b = await signIn(inB);
  const rec = await seedUnitA(db, f, a);
  return { t, f, a, b, inB, rec };
}
export type TwoUnitWorld = Awaited<ReturnType<typeof buildTwoUnitWorld>>;
