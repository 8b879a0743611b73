import { readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Response } from 'superagent';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCourierFixture, createCourierJob } from '../support/courier-factories';
import { TEST_PASSWORD } from '../support/factories';

// Uploaded images are decoded and encoded again before they are stored; the bundle PDF is
// built on a worker thread and survives any single bad page.

let t: TestApp;
let fx: Awaited<ReturnType<typeof createCourierFixture>>;
let courier: Awaited<ReturnType<typeof loginAs>>;
/** 144 megapixels of white: about 400 KB on disk, 432 MB once decoded. */
let bomb: Buffer;

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createCourierFixture(t.database.db);
  courier = await loginAs(t.app, fx.courier.username, TEST_PASSWORD);
  bomb = await sharp({
    create: { width: 12000, height: 12000, channels: 3, background: '#fff' },
  })
    .png()
    .toBuffer();
}, 60_000);
afterAll(async () => t?.close());

const job = () =>
  createCourierJob(t.database.db, {
    unitId: fx.unitA.id,
    courierId: fx.courier.id,
    type: 'home_assistance',
    status: 'on_site',
  });

const upload = (jobId: string, file: Buffer, name: string, kind = 'scan') =>
  courier
    .post(`/api/jobs/${jobId}/documents`)
    .set('Idempotency-Key', randomUUID())
    .field('kind', kind)
    .attach('file', file, name);

/** Reads a binary answer whole (supertest leaves unknown types unparsed). */
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const storedFiles = async (jobId: string) =>
  readdir(path.join(t.config.dataDir, 'files', 'jobs', jobId)).catch(() => [] as string[]);

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#8ab' } });

describe('POST /api/jobs/:id/documents decodes what it stores', () => {
  it('refuses a decompression bomb (12000×12000 PNG) with image_too_large and stores nothing', async () => {
    const j = await job();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(j.id, bomb, 'scan.png');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('image_too_large');
    expect(res.body.error.message).toContain('megapixel');
    expect((await courier.get(`/api/jobs/${j.id}/documents`)).body.items).toHaveLength(0);
    expect(await storedFiles(j.id)).toHaveLength(0);
  });

  it('refuses PNG magic bytes followed by garbage with image_undecodable', async () => {
    const j = await job();
    const fake = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(4000, 0x41),
    ]);
    const res = await upload(j.id, fake, 'scan.png');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('image_undecodable');
    expect(res.body.error.message).toContain('chụp lại');
    expect(await storedFiles(j.id)).toHaveLength(0);
  });

  it('stores a JPEG+HTML polyglot without its HTML', async () => {
    const j = await job();
    const html = '<html><script>alert(document.cookie)</script></html>';
    const jpeg = await photo(40, 30).jpeg().toBuffer();
    const res = await upload(j.id, Buffer.concat([jpeg, Buffer.from(html)]), 'p.jpg', 'photo');
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('image/jpeg');
    const content = await courier.get(res.body.url).buffer(true).parse(binary);
    expect(content.status).toBe(200);
    const body = content.body as Buffer;
    expect(body.toString('latin1')).not.toContain('<html');
    expect(body.toString('latin1')).not.toContain('<script');
    expect((await sharp(body).metadata()).format).toBe('jpeg');
  });

  it('strips EXIF (GPS included), turns the photo upright and scales it to 2480 px at most', async () => {
    const j = await job();
    // 3000×2000 as stored, orientation 6: the camera was turned, the photo is 2000×3000 upright.
    const sent = await photo(3000, 2000)
      .withExif({
        IFD0: { Make: 'PhoneCo' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const sentMeta = await sharp(sent).metadata();
    expect(sentMeta.exif?.toString('latin1')).toContain('PhoneCo');
    expect(sentMeta.orientation).toBe(6);

    const res = await upload(j.id, sent, 'p.jpg', 'photo');
    expect(res.status).toBe(201);
    const stored = (await courier.get(res.body.url).buffer(true).parse(binary)).body as Buffer;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('PhoneCo');
    expect([meta.width, meta.height]).toEqual([1653, 2480]);
    expect(res.body.sizeBytes).toBe(stored.length);
  });

  it('keeps a PNG signature a PNG, with its transparency', async () => {
    const j = await job();
    const sig = await sharp({
      create: { width: 300, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const res = await upload(j.id, sig, 'sig.png', 'signature');
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('image/png');
    const stored = (await courier.get(res.body.url).buffer(true).parse(binary)).body as Buffer;
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.hasAlpha, meta.width]).toEqual(['png', true, 300]);
  });

  it('refuses a PDF that does not parse with pdf_unreadable and accepts one that does', async () => {
    const j = await job();
    const bad = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20)]);
    const refused = await upload(j.id, bad, 'scan.pdf');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('pdf_unreadable');
    expect(await storedFiles(j.id)).toHaveLength(0);

    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const ok = await upload(j.id, Buffer.from(await doc.save()), 'scan.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.contentType).toBe('application/pdf');
  }, 60_000);
});

/**
 * Probes `/healthz` from a thread of its own, two at a time every 50 ms, without waiting for
 * answers: while the server's event loop is blocked the probes pile up and all show it.
 * Resolves with every probe's milliseconds once `stop()` was called and the last answered.
 */
async function startProber(server: Server): Promise<{ stop: () => Promise<number[]> }> {
  const { port } = server.address() as AddressInfo;
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
    const http = require('node:http');
    const lags = []; const pending = new Set();
    const one = () => { const t = performance.now(); const p = new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port: ${port}, path: '/healthz', agent: false }, (r) => {
        r.resume(); r.on('end', () => resolve(performance.now() - t)); })
        .on('error', () => resolve(Number.POSITIVE_INFINITY)); })
      .then((ms) => { lags.push(ms); pending.delete(p); }); pending.add(p); };
    const timer = setInterval(() => { one(); one(); }, 50);
    parentPort.postMessage('started');
    parentPort.once('message', async () => {
      clearInterval(timer); await Promise.all([...pending]); parentPort.postMessage(lags); });`,
    { eval: true },
  );
  await new Promise((resolve) => worker.once('message', resolve));
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        worker.once(
          'message',
          (lags: number[]) => void worker.terminate().then(() => resolve(lags)),
        );
        worker.postMessage('stop');
      }),
  };
}

/** The value below which `share` of the samples fall. */
const quantile = (xs: number[], share: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * share))]!;

describe('GET /api/jobs/:id/documents/bundle.pdf', () => {
  it('fault: a decompression bomb already in storage does not stall /healthz beyond 200 ms while the bundle builds, and the bundle answers 200 with a notice page', async () => {
    const j = await job();
    const good = await upload(j.id, await photo(600, 800).jpeg().toBuffer(), 'a.jpg');
    const old = await upload(j.id, await photo(20, 20).png().toBuffer(), 'b.png');
    const broken = await upload(j.id, await photo(20, 20).png().toBuffer(), 'c.png');
    expect([good.status, old.status, broken.status]).toEqual([201, 201, 201]);
    // As if uploaded before images were decoded: the bomb and a garbage body under PNG magic.
    const dir = path.join(t.config.dataDir, 'files', 'jobs', j.id);
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    await writeFile(path.join(dir, pngs[0]!), bomb);
    await writeFile(
      path.join(dir, pngs[1]!),
      Buffer.concat([bomb.subarray(0, 8), Buffer.alloc(999)]),
    );

    const dispatcher = await loginAs(t.app, fx.inA.dispatcher.username, TEST_PASSWORD);
    const server = createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      // What /healthz takes on this machine right now, without a bundle being built…
      const idle = await startProber(server);
      await new Promise((r) => setTimeout(r, 1500));
      const before = quantile(await idle.stop(), 0.95);
      // …and while one is.
      const prober = await startProber(server);
      const res = await dispatcher
        .get(`/api/jobs/${j.id}/documents/bundle.pdf`)
        .buffer(true)
        .parse(binary);
      const lags = await prober.stop();
      expect(lags.length).toBeGreaterThan(10);
      // Building the bundle adds less than 200 ms to nearly every probe (a busy CI machine
      // starves any process for an instant; a decode on the request thread takes seconds).
      expect(quantile(lags, 0.95) - before).toBeLessThan(200);
      expect(Math.max(...lags) - before).toBeLessThan(1000);
      expect(res.status).toBe(200);
      expect(res.headers['x-unreadable-pages']).toBe('2');
      const pdf = await PDFDocument.load(res.body as Buffer);
      expect(pdf.getPageCount()).toBe(3);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 120_000);

  it('replaces a scan missing from storage by a notice page instead of failing', async () => {
    const j = await job();
    const a = await upload(j.id, await photo(100, 100).jpeg().toBuffer(), 'a.jpg');
    const b = await upload(j.id, await photo(100, 100).jpeg().toBuffer(), 'b.jpg');
    expect([a.status, b.status]).toEqual([201, 201]);
    const dir = path.join(t.config.dataDir, 'files', 'jobs', j.id);
    await rm(path.join(dir, (await readdir(dir))[0]!));
    const res = await courier
      .get(`/api/jobs/${j.id}/documents/bundle.pdf`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['x-unreadable-pages']).toBe('1');
    expect((await PDFDocument.load(res.body as Buffer)).getPageCount()).toBe(2);
  }, 60_000);
});
