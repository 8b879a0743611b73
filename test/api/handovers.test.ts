import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizens, deliveryHandovers, jobEvents, jobs } from '../../server/src/db/schema';
import { hashIdNumber } from '../../server/src/modules/handovers/id-hash';
import type { TestApp } from '../support/app';
import { buildCourierApp, type Agent, type CourierFixture } from '../support/org-app';
import { createCitizen, createCourierJob, uploadScan } from '../support/courier-factories';

const CCCD = '075203012345';

let t: TestApp;
let fx: CourierFixture;
let courier: Agent;

beforeAll(async () => ({ t, fx, courier } = await buildCourierApp()));
afterAll(async () => t?.close());

const upload = (jobId: string, kind: string) => uploadScan(courier, jobId, kind);

describe('POST /api/jobs/:id/handover', () => {
  it('hands the result over after an ID check, keeps only a hash and the last 4 digits, and records when it happened', async () => {
    const citizen = await createCitizen(t.database.db, {
      cccdHash: hashIdNumber(CCCD),
      cccdLast4: '2345',
    });
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      citizenId: citizen.id,
      status: 'on_site',
    });
    const signatureId = await upload(job.id, 'signature');
    const photoId = await upload(job.id, 'handover_photo');
    const occurredAt = new Date(Date.now() - 40 * 60_000).toISOString();
    const body = {
      recipientKind: 'applicant',
      recipientName: citizen.fullName,
      idType: 'cccd',
      idNumber: '075 203 012 345',
      signatureId,
      photoId,
      papersTakenBack: ['Giấy hẹn trả kết quả'],
      occurredAt,
    };

    const wrong = await courier
      .post(`/api/jobs/${job.id}/handover`)
      .set('Idempotency-Key', randomUUID())
      .send({ ...body, idNumber: '075203099999' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('id_mismatch');

    const key = randomUUID();
    const res = await courier
      .post(`/api/jobs/${job.id}/handover`)
      .set('Idempotency-Key', key)
      .send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ idLast4: '2345', idMatchesFile: true });
    const again = await courier
      .post(`/api/jobs/${job.id}/handover`)
      .set('Idempotency-Key', key)
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);

    const [stored] = await t.database.db
      .select()
      .from(deliveryHandovers)
      .where(eq(deliveryHandovers.jobId, job.id));
    expect(JSON.stringify(stored)).not.toContain(CCCD);
    expect(stored!.idHash).toBe(hashIdNumber(CCCD));
    const [j] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(j!.status).toBe('delivered');
    const events = await t.database.db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
    const delivered = events.find((e) => e.toStatus === 'delivered')!;
    expect(delivered.occurredAt.toISOString()).toBe(occurredAt);
    expect(events.filter((e) => e.toStatus === 'delivered')).toHaveLength(1);
    void citizens;
  });

  it('wants the authorisation letter and the relation from a proxy', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      status: 'on_site',
    });
    const signatureId = await upload(job.id, 'signature');
    const res = await courier.post(`/api/jobs/${job.id}/handover`).send({
      recipientKind: 'proxy',
      recipientName: 'Trần Thị Bình',
      idType: 'cccd',
      idNumber: CCCD,
      signatureId,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['proxyRelation', 'authorisationId']),
    );
  });

  it('does not let a courier hand over another courier’s job', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.otherCourier.id,
      status: 'on_site',
    });
    const res = await courier.post(`/api/jobs/${job.id}/handover`).send({
      recipientKind: 'applicant',
      recipientName: 'Ai đó',
      idType: 'cccd',
      idNumber: CCCD,
      signatureId: randomUUID(),
    });
    expect(res.status).toBe(403);
  });
});

describe('pickup papers: dossier slip, agency handover, submission', () => {
  it('numbers the slip, lists what is missing, stores the handover record’s signing time as the filing time, then records the dossier code', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      type: 'home_assistance',
      status: 'on_site',
    });
    const citizenSignatureId = await upload(job.id, 'signature');
    const courierSignatureId = await upload(job.id, 'signature');
    const slip = await courier
      .post(`/api/jobs/${job.id}/dossier-slip`)
      .set('Idempotency-Key', randomUUID())
      .send({
        papers: [
          { name: 'Tờ khai', copy: 'original', present: true },
          { name: 'Bản sao CCCD', copy: 'copy', present: false },
        ],
        citizenSignatureId,
        courierSignatureId,
      });
    expect(slip.status).toBe(201);
    expect(slip.body.slipNo).toMatch(/\/PG-000001$/);
    expect(slip.body.missing).toEqual(['Bản sao CCCD']);
    expect(slip.body.complete).toBe(false);

    const signedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const record = await courier
      .post('/api/agency-handovers')
      .set('Idempotency-Key', randomUUID())
      .send({
        agencyName: 'Trung tâm Phục vụ hành chính công',
        clerkName: 'Lê Văn Cường',
        items: [{ jobId: job.id, complete: false, note: 'Thiếu bản sao CCCD' }],
        occurredAt: signedAt,
      });
    expect(record.status).toBe(201);
    expect(record.body.items[0]).toMatchObject({ slipNo: slip.body.slipNo, complete: false });
    expect(record.body.signedAt).toBe(signedAt);

    const sub = await courier
      .post(`/api/jobs/${job.id}/submission`)
      .set('Idempotency-Key', randomUUID())
      .send({ dossierCode: 'h48.19.10-260315-0042', resultDueDate: '2026-03-20' });
    expect(sub.status).toBe(200);
    expect(sub.body.slip).toMatchObject({
      dossierCode: 'H48.19.10-260315-0042',
      filedAt: signedAt,
    });
    const [j] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(j).toMatchObject({ status: 'submitted', dossierCode: 'H48.19.10-260315-0042' });

    const bad = await courier
      .post(`/api/jobs/${job.id}/submission`)
      .send({ dossierCode: 'ABC', resultDueDate: '2026-03-20' });
    expect(bad.status).toBe(400);
  });
});
