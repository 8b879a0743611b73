import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCourierFixture, createCourierJob } from '../support/courier-factories';
import { TEST_PASSWORD } from '../support/factories';

// The smallest valid images: a 1×1 PNG and a 1×1 JPEG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAj/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKpAB//Z',
  'base64',
);
// A Windows executable starts with "MZ".
const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'binary'),
  Buffer.alloc(200, 1),
]);

let t: TestApp;
let fx: Awaited<ReturnType<typeof createCourierFixture>>;
let courier: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  t = await buildTestApp({ UPLOAD_MAX_BYTES: String(64 * 1024) });
  fx = await createCourierFixture(t.database.db);
  courier = await loginAs(t.app, fx.courier.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

const job = (courierId: string = fx.courier.id) =>
  createCourierJob(t.database.db, {
    unitId: fx.unitA.id,
    courierId,
    type: 'home_assistance',
    status: 'on_site',
  });

describe('POST /api/jobs/:id/documents', () => {
  it('stores scans checked by content, lists them for the office and bundles them into one PDF', async () => {
    const j = await job();
    const scan = (pageOrder: string, file: Buffer, name: string) =>
      courier
        .post(`/api/jobs/${j.id}/documents`)
        .set('Idempotency-Key', randomUUID())
        .field('kind', 'scan')
        .field('pageOrder', pageOrder)
        .attach('file', file, name);
    const a = await scan('1', PNG, 'page.png');
    expect(a.status).toBe(201);
    expect(a.body.contentType).toBe('image/png');
    const b = await scan('0', JPEG, 'page.jpg');
    expect(b.status).toBe(201);
    expect(b.body.contentType).toBe('image/jpeg');

    const dispatcher = await loginAs(t.app, fx.inA.dispatcher.username, TEST_PASSWORD);
    const list = await dispatcher.get(`/api/jobs/${j.id}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([b.body.id, a.body.id]);
    const content = await dispatcher.get(list.body.items[1].url).buffer(true);
    expect(content.headers['content-type']).toBe('image/png');
    // What is served is the re-encoded image, not the bytes that were sent.
    const meta = await sharp(content.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1, 1]);

    const pdf = await dispatcher
      .get(`/api/jobs/${j.id}/documents/bundle.pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(pdf.body as Buffer);
    expect(doc.getPageCount()).toBe(2);

    const other = await loginAs(t.app, fx.dispatcherB.username, TEST_PASSWORD);
    expect((await other.get(`/api/jobs/${j.id}/documents`)).status).toBe(403);
  });

  it('refuses a renamed .exe with a clear message', async () => {
    const j = await job();
    const res = await courier
      .post(`/api/jobs/${j.id}/documents`)
      .field('kind', 'scan')
      .attach('file', EXE, { filename: 'giay-to.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_file_type');
    expect(res.body.error.message).toContain('JPEG, PNG hay PDF');
    expect((await courier.get(`/api/jobs/${j.id}/documents`)).body.items).toHaveLength(0);
  });

  it('refuses a file over the size limit with 413 and the limit in the message', async () => {
    const j = await job();
    const big = Buffer.concat([JPEG.subarray(0, 3), Buffer.alloc(100 * 1024, 7)]);
    const res = await courier
      .post(`/api/jobs/${j.id}/documents`)
      .field('kind', 'photo')
      .attach('file', big, 'big.jpg');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
    expect(res.body.error.message).toContain('0,1 MB');
  });

  it('stores a retried upload once', async () => {
    const j = await job();
    const key = randomUUID();
    const send = () =>
      courier
        .post(`/api/jobs/${j.id}/documents`)
        .set('Idempotency-Key', key)
        .field('kind', 'handover_photo')
        .attach('file', JPEG, 'p.jpg');
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect((await courier.get(`/api/jobs/${j.id}/documents`)).body.items).toHaveLength(1);
  });

  it('does not let a courier upload to another courier’s job', async () => {
    const j = await job(fx.otherCourier.id);
    const res = await courier
      .post(`/api/jobs/${j.id}/documents`)
      .field('kind', 'scan')
      .attach('file', PNG, 'p.png');
    expect(res.status).toBe(403);
  });
});
