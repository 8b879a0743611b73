import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVietQr } from '@tannha/shared';
import { payments } from '../../server/src/db/schema';
import { eq } from 'drizzle-orm';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { buildCourierApp, type Agent, type CourierFixture } from '../support/org-app';
import {
  createCourierFixture,
  createCourierJob,
  setBankAccount,
} from '../support/courier-factories';
import { TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let fx: CourierFixture;
let courier: Agent;

beforeAll(async () => {
  ({ t, fx, courier } = await buildCourierApp());
  await setBankAccount(t.database.db);
});
afterAll(async () => t?.close());

const job = (
  over: Parameters<typeof createCourierJob>[1] extends infer O ? Partial<O> : never = {},
) => createCourierJob(t.database.db, { unitId: fx.unitA.id, courierId: fx.courier.id, ...over });

/** A job's two lines, the procedure fee and the postal charge, collected in full. */
const feeAndCharge = (feeVnd: number, chargeVnd = 26_000) => [
  { flow: 'procedure_fee', amountVnd: feeVnd },
  { flow: 'postal_charge', amountVnd: chargeVnd },
];

/** One collection at the door, sent as the phone sends it (a fresh idempotency key). */
const collect = (as: Awaited<ReturnType<typeof loginAs>>, jobId: string, body: object) =>
  as.post(`/api/jobs/${jobId}/payments`).set('Idempotency-Key', randomUUID()).send(body);

describe('POST /api/jobs/:id/payments', () => {
  it('records the procedure fee and the postal charge as separate lines with separate receipt series', async () => {
    const j = await job({ feeDueVnd: 100_000, postalChargeVnd: 26_000 });
    const res = await collect(courier, j.id, {
      method: 'cash',
      lines: feeAndCharge(100_000),
    });
    expect(res.status).toBe(201);
    const byFlow = Object.fromEntries(res.body.payments.map((p: { flow: string }) => [p.flow, p]));
    expect(byFlow.procedure_fee.receiptNo).toMatch(/\/LP-\d{6}$/);
    expect(byFlow.postal_charge.receiptNo).toMatch(/\/CB-\d{6}$/);
    expect(byFlow.procedure_fee.status).toBe('confirmed');

    const money = await courier.get(`/api/jobs/${j.id}/payments`);
    expect(money.body.feesCollected).toBe(true);
    expect(money.body.outstanding).toEqual({ procedureFee: 0, postalCharge: 0 });

    const receipt = await request(t.app).get(`/api/receipts/${res.body.collectionId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.totalVnd).toBe(126_000);
    expect(receipt.body.feeStamp).toBe(true);
    expect(receipt.body.payerName).toBe('N. V. An');
    expect(receipt.body.trackingUrl).toBe(`http://localhost:3000/tra-cuu/${j.code}`);
  });

  it('keeps receipt numbers gapless and unique under 50 concurrent collections', async () => {
    const jobs = await Promise.all(
      Array.from({ length: 50 }, () => job({ feeDueVnd: 50_000, postalChargeVnd: 0 })),
    );
    const results = await Promise.all(
      jobs.map((j) =>
        collect(courier, j.id, {
          method: 'cash',
          lines: [{ flow: 'procedure_fee', amountVnd: 50_000 }],
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const rows = await t.database.db
      .select()
      .from(payments)
      .where(eq(payments.unitId, fx.unitA.id));
    const seqs = rows
      .filter((r) => r.flow === 'procedure_fee')
      .map((r) => r.receiptSeq)
      .sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(50);
  });

  it('creates one ledger entry when a collection is retried with the same idempotency key', async () => {
    const j = await job({ feeDueVnd: 30_000, postalChargeVnd: 0 });
    const key = randomUUID();
    const body = {
      method: 'cash',
      lines: [{ flow: 'procedure_fee', amountVnd: 30_000 }],
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    };
    const [a, b] = await Promise.all([
      courier.post(`/api/jobs/${j.id}/payments`).set('Idempotency-Key', key).send(body),
      courier.post(`/api/jobs/${j.id}/payments`).set('Idempotency-Key', key).send(body),
    ]);
    const c = await courier
      .post(`/api/jobs/${j.id}/payments`)
      .set('Idempotency-Key', key)
      .send(body);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.collectionId, b.body.collectionId, c.body.collectionId]).size).toBe(1);
    expect(c.body.replayed).toBe(true);
    const rows = await t.database.db.select().from(payments).where(eq(payments.jobId, j.id));
    expect(rows).toHaveLength(1);
    // The server keeps when it happened at the door, not only when it arrived.
    expect(rows[0]!.occurredAt.toISOString()).toBe(body.occurredAt);
  });

  it('refuses an amount that differs from what is due unless a reason is given', async () => {
    const j = await job({ feeDueVnd: 100_000, postalChargeVnd: 26_000 });
    const bad = await collect(courier, j.id, {
      method: 'cash',
      lines: [{ flow: 'procedure_fee', amountVnd: 90_000 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('amount_differs_from_due');
    expect(bad.body.error.fields['lines.0.amountVnd']).toContain('100.000');

    const ok = await collect(courier, j.id, {
      method: 'cash',
      reason: 'Công dân được miễn giảm 10% theo quyết định',
      lines: [{ flow: 'procedure_fee', amountVnd: 90_000 }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.payments[0].reason).toContain('miễn giảm');
  });

  it('refuses to collect twice what was already collected', async () => {
    const j = await job({ feeDueVnd: 10_000, postalChargeVnd: 0 });
    const line = { method: 'cash', lines: [{ flow: 'procedure_fee', amountVnd: 10_000 }] };
    expect((await collect(courier, j.id, line)).status).toBe(201);
    const again = await collect(courier, j.id, line);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nothing_due');
  });

  it('keeps a transfer pending with a VietQR code until it is confirmed', async () => {
    const j = await job({ feeDueVnd: 50_000, postalChargeVnd: 26_000 });
    const res = await collect(courier, j.id, {
      method: 'transfer',
      lines: feeAndCharge(50_000),
    });
    expect(res.status).toBe(201);
    const qr = parseVietQr(res.body.vietQr);
    expect(qr).toMatchObject({
      ok: true,
      bankBin: '970416',
      accountNumber: '257678859',
      amount: 76_000,
    });
    expect(qr.ok && qr.purpose).toContain(j.code);
    expect(res.body.payments.every((p: { status: string }) => p.status === 'pending')).toBe(true);
    let money = await courier.get(`/api/jobs/${j.id}/payments`);
    expect(money.body.feesCollected).toBe(false);
    expect(money.body.pendingVnd).toBe(76_000);

    const dispatcher = await loginAs(t.app, fx.inA.dispatcher.username, TEST_PASSWORD);
    for (const p of res.body.payments) {
      const c = await dispatcher
        .post(`/api/payments/${p.id}/confirm`)
        .set('Idempotency-Key', randomUUID());
      expect(c.status).toBe(200);
      expect(c.body.status).toBe('confirmed');
    }
    money = await courier.get(`/api/jobs/${j.id}/payments`);
    expect(money.body.feesCollected).toBe(true);
  });

  it('does not let a courier act on another courier’s job', async () => {
    const j = await job({ courierId: fx.otherCourier.id });
    const res = await collect(courier, j.id, {
      method: 'cash',
      lines: [{ flow: 'procedure_fee', amountVnd: 100_000 }],
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('không được giao cho bạn');
    expect((await courier.get(`/api/jobs/${j.id}/payments`)).status).toBe(403);
  });

  it('does not let a dispatcher of another unit confirm a transfer', async () => {
    const j = await job({ feeDueVnd: 20_000, postalChargeVnd: 0 });
    const res = await collect(courier, j.id, {
      method: 'transfer',
      lines: [{ flow: 'procedure_fee', amountVnd: 20_000 }],
    });
    const other = await loginAs(t.app, fx.dispatcherB.username, TEST_PASSWORD);
    const c = await other.post(`/api/payments/${res.body.payments[0].id}/confirm`);
    expect(c.status).toBe(403);
  });
});

describe('GET /api/couriers/me/cash', () => {
  it('totals the confirmed cash of the shift, net of corrections, and leaves transfers out', async () => {
    const t2 = await buildTestApp();
    try {
      const f = await createCourierFixture(t2.database.db);
      await setBankAccount(t2.database.db);
      const c = await loginAs(t2.app, f.courier.username, TEST_PASSWORD);
      const mk = (fee: number) =>
        createCourierJob(t2.database.db, {
          unitId: f.unitA.id,
          courierId: f.courier.id,
          feeDueVnd: fee,
          postalChargeVnd: 26_000,
        });
      const j1 = await mk(100_000);
      const j2 = await mk(50_000);
      const j3 = await mk(70_000);
      await collect(c, j1.id, { method: 'cash', lines: feeAndCharge(100_000) });
      const second = await collect(c, j2.id, { method: 'cash', lines: feeAndCharge(50_000) });
      await collect(c, j3.id, { method: 'transfer', lines: feeAndCharge(70_000) });
      const fee2 = second.body.payments.find((p: { flow: string }) => p.flow === 'procedure_fee');
      const rev = await c
        .post(`/api/payments/${fee2.id}/reverse`)
        .send({ reason: 'Thu nhầm, trả lại công dân' });
      expect(rev.status).toBe(201);
      expect(rev.body.amountVnd).toBe(-50_000);

      const cash = await c.get('/api/couriers/me/cash');
      expect(cash.status).toBe(200);
      expect(cash.body.cashToHandInVnd).toBe(100_000 + 26_000 + 26_000);
      expect(cash.body.byFlow).toEqual({ procedureFee: 100_000, postalCharge: 52_000 });
      expect(cash.body.pendingTransfersVnd).toBe(96_000);
    } finally {
      await t2.close();
    }
  });
});
