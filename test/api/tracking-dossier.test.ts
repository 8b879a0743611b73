import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsOutbox } from '../../server/src/db/schema';
import { hashIdNumber } from '../../server/src/modules/handovers/id-hash';
import type { TestApp } from '../support/app';
import { createCitizen, createCourierJob, uploadScan } from '../support/courier-factories';
import { buildCourierApp, type Agent, type CourierFixture } from '../support/org-app';

const CCCD = '075203012345';

let t: TestApp;
let fx: CourierFixture;
let courier: Agent;
let ipSeq = 0;

beforeAll(async () => ({ t, fx, courier } = await buildCourierApp()));
afterAll(async () => t?.close());

/** The public look-up, each from its own address so no test spends another's budget. */
const track = (code: string, last4: string, lang = 'vi') =>
  request(t.app)
    .get(`/api/track/${code}`)
    .query({ phone: last4 })
    .set('Accept-Language', lang)
    .set('X-Forwarded-For', `203.0.113.${++ipSeq}`);

const upload = (jobId: string, kind: string) => uploadScan(courier, jobId, kind);

/** A pickup at the door, its dossier filed at the counter on a signed handover record. */
async function fileDossier(phone: string) {
  const citizen = await createCitizen(t.database.db, { phone });
  const job = await createCourierJob(t.database.db, {
    unitId: fx.unitA.id,
    courierId: fx.courier.id,
    citizenId: citizen.id,
    type: 'home_assistance',
    status: 'on_site',
    feeDueVnd: 0,
    postalChargeVnd: 0,
  });
  const slip = await courier
    .post(`/api/jobs/${job.id}/dossier-slip`)
    .set('Idempotency-Key', randomUUID())
    .send({
      papers: [{ name: 'Tờ khai', copy: 'original', present: true }],
      citizenSignatureId: await upload(job.id, 'signature'),
      courierSignatureId: await upload(job.id, 'signature'),
    });
  expect(slip.status).toBe(201);
  const record = await courier
    .post('/api/agency-handovers')
    .set('Idempotency-Key', randomUUID())
    .send({
      agencyName: 'Trung tâm Phục vụ hành chính công',
      clerkName: 'Lê Văn Cường',
      items: [{ jobId: job.id, complete: true }],
      occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    });
  expect(record.status).toBe(201);
  return job;
}

describe('what the citizen reads about the dossier (GET /api/track/:code)', () => {
  it('a filed pickup is "filed", waiting for the result on the date of the appointment slip — also once the postal job is completed', async () => {
    const job = await fileDossier('+84912000111');

    const filed = await track(job.code, '0111');
    expect(filed.status).toBe(200);
    expect(filed.body.statusLabel).toBe('Đã nộp hồ sơ tại cơ quan');
    expect(filed.body.resultNote).toBe('Đang chờ cơ quan giải quyết hồ sơ');

    const sub = await courier
      .post(`/api/jobs/${job.id}/submission`)
      .set('Idempotency-Key', randomUUID())
      .send({ dossierCode: 'H48.19.10-261207-0012', resultDueDate: '2026-12-15' });
    expect(sub.status).toBe(200);
    const done = await courier
      .post(`/api/jobs/${job.id}/transitions`)
      .set('Idempotency-Key', randomUUID())
      .send({ to: 'completed' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    const vi = await track(job.code, '0111');
    expect(vi.body.status).toBe('completed');
    expect(vi.body.statusLabel).toBe('Đã nộp hồ sơ tại cơ quan');
    expect(vi.body.resultNote).toBe('Đang chờ kết quả — dự kiến có kết quả ngày 15/12/2026');
    expect(vi.body.resultDate).toBe('2026-12-15');
    expect(vi.body.dossierCode).toBe('H48.19.10-261207-0012');
    expect(vi.body.dueLabel).toBe('Hạn bưu điện nhận và nộp hồ sơ');
    const words = JSON.stringify(vi.body);
    expect(words).not.toContain('Hoàn tất');
    expect(words).not.toContain('Hạn hoàn thành');
    expect(vi.body.timeline.map((e: { label: string }) => e.label)).toContain(
      'Đã nộp hồ sơ tại cơ quan',
    );

    const en = await track(job.code, '0111', 'en');
    expect(en.body.statusLabel).toBe('The dossier has been filed with the agency');
    expect(en.body.resultNote).toBe('Waiting for the result — expected on 15/12/2026');

    // The SMS at submission says the same: filed, and the expected result date.
    const [sms] = await t.database.db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.jobId, job.id), eq(smsOutbox.template, 'dossier_submitted')));
    expect(sms!.body).toContain('H48.19.10-261207-0012');
    expect(sms!.body).toContain('dự kiến có kết quả ngày 15/12/2026');
  });

  it('a result handed over at the door is "delivered to your home", with the postal deadline named as such', async () => {
    const citizen = await createCitizen(t.database.db, {
      phone: '+84912000222',
      cccdHash: hashIdNumber(CCCD),
      cccdLast4: '2345',
    });
    const job = await createCourierJob(t.database.db, {
      unitId: fx.unitA.id,
      courierId: fx.courier.id,
      citizenId: citizen.id,
      type: 'result_delivery',
      status: 'on_site',
      feeDueVnd: 0,
      postalChargeVnd: 0,
    });
    const res = await courier
      .post(`/api/jobs/${job.id}/handover`)
      .set('Idempotency-Key', randomUUID())
      .send({
        recipientKind: 'applicant',
        recipientName: citizen.fullName,
        idType: 'cccd',
        idNumber: CCCD,
        signatureId: await upload(job.id, 'signature'),
        photoId: await upload(job.id, 'handover_photo'),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);

    const seen = await track(job.code, '0222');
    expect(seen.body.status).toBe('delivered');
    expect(seen.body.statusLabel).toBe('Đã trả kết quả tận nhà');
    expect(seen.body.resultNote).toBeNull();
    expect(seen.body.dueLabel).toBe('Hạn bưu điện trả kết quả tận nhà');
    const [sms] = await t.database.db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.jobId, job.id), eq(smsOutbox.template, 'result_delivered')));
    expect(sms!.body).toContain('đã được trả tận nhà');
  });

  it('says when to try again after too many look-ups', async () => {
    const ip = '203.0.113.250';
    let last: request.Response | undefined;
    for (let i = 0; i < 25 && last?.status !== 429; i++)
      last = await request(t.app)
        .get('/api/track/TNKHONGCO01')
        .query({ phone: '0000' })
        .set('X-Forwarded-For', ip);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
