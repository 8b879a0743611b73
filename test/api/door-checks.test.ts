import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizens, deliveryHandovers, jobEvents } from '../../server/src/db/schema';
import { hashIdNumber } from '../../server/src/modules/handovers/id-hash';
import type { TestApp } from '../support/app';
import { createCitizen, createCourierJob, uploadScan } from '../support/courier-factories';
import { buildCourierApp, type Agent, type CourierFixture } from '../support/org-app';

/** Đồng Nai (075), a man born in 2003. */
const ON_FILE = '075203012345';
/** A possible CCCD, but another person's. */
const OTHER = '079198004567';

let t: TestApp;
let fx: CourierFixture;
let courier: Agent;

beforeAll(async () => ({ t, fx, courier } = await buildCourierApp()));
afterAll(async () => t?.close());

const upload = (jobId: string, kind: string) => uploadScan(courier, jobId, kind);

/** A job of `type` at the citizen's door, for a citizen with `cccd` on file (or none). */
async function atTheDoor(type: 'home_assistance' | 'result_delivery', cccd: string | null) {
  const citizen = await createCitizen(
    t.database.db,
    cccd ? { cccdHash: hashIdNumber(cccd), cccdLast4: cccd.slice(-4) } : {},
  );
  const job = await createCourierJob(t.database.db, {
    unitId: fx.unitA.id,
    courierId: fx.courier.id,
    citizenId: citizen.id,
    type,
    status: 'on_site',
  });
  return { citizen, job };
}

async function slipBody(jobId: string) {
  return {
    papers: [{ name: 'Tờ khai', copy: 'original', present: true }],
    citizenSignatureId: await upload(jobId, 'signature'),
    courierSignatureId: await upload(jobId, 'signature'),
  };
}

async function handoverBody(jobId: string, fullName: string) {
  return {
    recipientKind: 'applicant',
    recipientName: fullName,
    idType: 'cccd',
    signatureId: await upload(jobId, 'signature'),
  };
}

const post = (url: string, body: object) =>
  courier.post(url).set('Idempotency-Key', randomUUID()).send(body);

async function eventData(jobId: string, toStatus: string) {
  const events = await t.database.db.select().from(jobEvents).where(eq(jobEvents.jobId, jobId));
  return events.find((e) => e.toStatus === toStatus)?.data as Record<string, unknown> | undefined;
}

describe('the CCCD at the door: POST /api/jobs/:id/dossier-slip and /handover', () => {
  it.each([
    ['an unknown province code', '000203012345', 'mã tỉnh'],
    ['a birth year in the future', '075299012345', 'năm sinh'],
  ])(
    'refuses %s with 422 invalid_cccd and a field message, at pickup and at delivery',
    async (_, id, words) => {
      const pickup = await atTheDoor('home_assistance', null);
      const slip = await post(`/api/jobs/${pickup.job.id}/dossier-slip`, {
        ...(await slipBody(pickup.job.id)),
        idNumber: id,
      });
      expect(slip.status).toBe(422);
      expect(slip.body.error.code).toBe('invalid_cccd');
      expect(slip.body.error.fields.idNumber).toContain(words);

      const delivery = await atTheDoor('result_delivery', null);
      const handover = await post(`/api/jobs/${delivery.job.id}/handover`, {
        ...(await handoverBody(delivery.job.id, delivery.citizen.fullName)),
        idNumber: id,
      });
      expect(handover.status).toBe(422);
      expect(handover.body.error.code).toBe('invalid_cccd');
      const [c] = await t.database.db
        .select()
        .from(citizens)
        .where(eq(citizens.id, pickup.citizen.id));
      expect(c!.cccdHash).toBeNull();
    },
  );

  it('refuses a CCCD that is not 12 digits with a field message', async () => {
    const { job } = await atTheDoor('home_assistance', null);
    const res = await post(`/api/jobs/${job.id}/dossier-slip`, {
      ...(await slipBody(job.id)),
      idNumber: '07520301234',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_cccd');
    expect(res.body.error.fields.idNumber).toContain('12 chữ số');
  });

  it('refuses a pickup from someone whose CCCD differs from the one on file, naming its last 4 digits', async () => {
    const { job } = await atTheDoor('home_assistance', ON_FILE);
    const res = await post(`/api/jobs/${job.id}/dossier-slip`, {
      ...(await slipBody(job.id)),
      idNumber: OTHER,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('id_mismatch');
    expect(res.body.error.fields.idNumber).toContain('…2345');
    expect(await eventData(job.id, 'collected')).toBeUndefined();
  });

  it('takes the dossier on a mismatch when the courier states why, and records the reason', async () => {
    const { job } = await atTheDoor('home_assistance', ON_FILE);
    const reason = 'Con gái nộp thay, có giấy ủy quyền';
    const res = await post(`/api/jobs/${job.id}/dossier-slip`, {
      ...(await slipBody(job.id)),
      idNumber: OTHER,
      idOverrideReason: reason,
    });
    expect(res.status).toBe(201);
    expect(await eventData(job.id, 'collected')).toMatchObject({
      idCheck: 'mismatch_overridden',
      idLast4: '4567',
      idOverrideReason: reason,
    });
  });

  it('says the CCCD matches when it is the one on file', async () => {
    const { job } = await atTheDoor('home_assistance', ON_FILE);
    const res = await post(`/api/jobs/${job.id}/dossier-slip`, {
      ...(await slipBody(job.id)),
      idNumber: '075 203 012 345',
    });
    expect(res.status).toBe(201);
    expect(await eventData(job.id, 'collected')).toMatchObject({ idCheck: 'match' });
  });

  it('keeps the CCCD on the citizen’s card after the pickup when none was on file (hash and last 4 only)', async () => {
    const { citizen, job } = await atTheDoor('home_assistance', null);
    const res = await post(`/api/jobs/${job.id}/dossier-slip`, {
      ...(await slipBody(job.id)),
      idNumber: ON_FILE,
    });
    expect(res.status).toBe(201);
    expect(await eventData(job.id, 'collected')).toMatchObject({ idCheck: 'none_on_file' });
    const [c] = await t.database.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(c).toMatchObject({ cccdHash: hashIdNumber(ON_FILE), cccdLast4: '2345' });
    expect(JSON.stringify(c)).not.toContain(ON_FILE);
  });

  it('refuses the result to an applicant whose CCCD differs, and hands it over with a stated reason (recorded)', async () => {
    const { citizen, job } = await atTheDoor('result_delivery', ON_FILE);
    const body = { ...(await handoverBody(job.id, citizen.fullName)), idNumber: OTHER };
    const refused = await post(`/api/jobs/${job.id}/handover`, body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('id_mismatch');
    expect(refused.body.error.fields.idNumber).toContain('…2345');

    const reason = 'CCCD mới cấp lại, số trong hồ sơ là số cũ';
    const res = await post(`/api/jobs/${job.id}/handover`, { ...body, idOverrideReason: reason });
    expect(res.status).toBe(201);
    expect(res.body.idMatchesFile).toBe(false);
    expect(await eventData(job.id, 'delivered')).toMatchObject({
      idCheck: 'mismatch_overridden',
      idOverrideReason: reason,
    });
  });

  it('keeps the applicant’s CCCD on the card after a delivery when none was on file', async () => {
    const { citizen, job } = await atTheDoor('result_delivery', null);
    const res = await post(`/api/jobs/${job.id}/handover`, {
      ...(await handoverBody(job.id, citizen.fullName)),
      idNumber: ON_FILE,
    });
    expect(res.status).toBe(201);
    expect(res.body.idMatchesFile).toBeNull();
    const [c] = await t.database.db.select().from(citizens).where(eq(citizens.id, citizen.id));
    expect(c!.cccdLast4).toBe('2345');
    const [h] = await t.database.db
      .select()
      .from(deliveryHandovers)
      .where(eq(deliveryHandovers.jobId, job.id));
    expect(h!.idHash).toBe(hashIdNumber(ON_FILE));
  });

  it('gives the courier’s job the last 4 digits on file and the procedure’s papers, for the check offline', async () => {
    const { job } = await atTheDoor('home_assistance', ON_FILE);
    const res = await courier.get(`/api/jobs/${job.id}`);
    expect(res.status).toBe(200);
    const j = 'job' in res.body ? res.body.job : res.body;
    expect(j.citizen.cccdLast4).toBe('2345');
    expect(Array.isArray(j.procedure.requiredPapers)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(ON_FILE);
  });
});

describe('the "fees collected" stamp: GET /api/jobs/:id/payments and the receipt', () => {
  it('is not given when no procedure fee was collected (0 ₫ fee, only the postal charge)', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      feeDueVnd: 0,
      postalChargeVnd: 26_000,
    });
    const paid = await post(`/api/jobs/${job.id}/payments`, {
      method: 'cash',
      lines: [{ flow: 'postal_charge', amountVnd: 26_000 }],
    });
    expect(paid.status).toBe(201);
    const money = await courier.get(`/api/jobs/${job.id}/payments`);
    expect(money.body.outstanding).toEqual({ procedureFee: 0, postalCharge: 0 });
    expect(money.body.feesCollected).toBe(false);
    const receipt = await courier.get(`/api/receipts/${paid.body.collectionId}`);
    expect(receipt.body.feeStamp).toBe(false);
  });
});
