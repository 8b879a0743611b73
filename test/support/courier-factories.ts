import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../server/src/db/client';
import { jobs, settings } from '../../server/src/db/schema';
import { createCitizen, createOrgFixture, createProcedure, createUser } from './factories';
import type { Agent } from './org-app';
import { TINY_PNG } from './security-fixture';

const uniq = () => randomBytes(4).toString('hex').toUpperCase();

export { createCitizen };

/** The courier's phone uploads a photo of `kind` to the job (a 1×1 PNG); the document's id. */
export async function uploadScan(courier: Agent, jobId: string, kind: string): Promise<string> {
  const res = await courier
    .post(`/api/jobs/${jobId}/documents`)
    .set('Idempotency-Key', randomUUID())
    .field('kind', kind)
    .attach('file', TINY_PNG, 'x.png');
  if (res.status !== 201)
    throw new Error(`upload ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * A job already assigned to a courier and in `status` (written directly: these tests are
 * about money, papers and handovers, not about how the job got there). It was created
 * `createdAt` (by default six hours ago), so times a phone reports for the last hours fit it.
 */
export async function createCourierJob(
  db: Db,
  opts: {
    unitId: string;
    courierId: string | null;
    type?: 'home_assistance' | 'result_delivery' | 'fee_collection';
    status?: string;
    feeDueVnd?: number;
    postalChargeVnd?: number;
    citizenId?: string;
    procedureId?: string;
    createdAt?: Date;
  },
) {
  const citizenId = opts.citizenId ?? (await createCitizen(db)).id;
  const procedureId = opts.procedureId ?? (await createProcedure(db)).id;
  const [row] = await db
    .insert(jobs)
    .values({
      code: `TN${uniq()}`,
      type: opts.type ?? 'result_delivery',
      status: opts.status ?? 'on_site',
      unitId: opts.unitId,
      citizenId,
      procedureId,
      addressText: '12 Phạm Văn Thuận, phường Tam Hiệp, Đồng Nai',
      lat: 10.95,
      lng: 106.85,
      feeDueVnd: opts.feeDueVnd ?? 100_000,
      postalChargeVnd: opts.postalChargeVnd ?? 26_000,
      courierId: opts.courierId,
      assignedAt: opts.courierId ? new Date() : null,
      createdAt: opts.createdAt ?? new Date(Date.now() - 6 * 3600_000),
    })
    .returning();
  return row!;
}

/** The post office's bank account for VietQR transfers. */
export async function setBankAccount(db: Db, bankBin = '970416', accountNumber = '257678859') {
  await db
    .insert(settings)
    .values({
      key: 'payment_bank',
      value: { bankBin, accountNumber, accountName: 'BUU DIEN DONG NAI' },
    })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: { bankBin, accountNumber, accountName: 'BUU DIEN DONG NAI' } },
    });
}

/** Org fixture plus a second courier in the same unit. */
export async function createCourierFixture(db: Db) {
  const org = await createOrgFixture(db);
  const otherCourier = await createUser(db, 'courier', org.unitA.id);
  return { ...org, courier: org.inA.courier, otherCourier };
}
