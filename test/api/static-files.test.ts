import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import request from 'supertest';
import type { Response } from 'superagent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { procedures } from '../../server/src/db/schema';
import { DEMO_PROCEDURES } from '../../server/src/demo/demo-procedures';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';

// What a phone on a slow network receives: the built web app (web/dist, built here when stale,
// as `npm start` does) and the API, through the same app main.ts serves.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'web', 'dist');

let t: TestApp;
let app: Express;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
let hashedScript: string;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['web/scripts/build-if-stale.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html);
  if (!script?.[1]) throw new Error('index.html names no script under /assets');
  hashedScript = script[1];

  t = await buildTestApp();
  app = createApp({ database: t.database, config: t.config, webDist: DIST });
  org = await createOrgFixture(t.database.db);
  // The whole sample catalogue: a list answer of several KiB.
  await t.database.db
    .insert(procedures)
    .values(
      DEMO_PROCEDURES.map((p) => ({ ...p, inPersonOnly: p.inPersonOnly ?? false, sample: true })),
    );
}, 300_000);
afterAll(async () => t?.close());

/** Keeps the body as bytes: what went over the wire, not decoded. */
const raw = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the built web app on the wire', () => {
  it('sends a hashed script precompressed with brotli when the browser accepts it', async () => {
    const res = await request(app)
      .get(hashedScript)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    // The bytes on the wire are the .br twin's, well under half the script's.
    const plain = readFileSync(path.join(DIST, hashedScript));
    expect(Number(res.headers['content-length'])).toBeLessThan(plain.length / 2);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await request(app)
      .get(hashedScript)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(raw);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);

    const plain = await request(app)
      .get(hashedScript)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(raw);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).equals(readFileSync(path.join(DIST, hashedScript)))).toBe(true);
  });

  it('lets browsers keep hashed files for a year without asking again', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await request(app).get(hashedScript).set('Accept-Encoding', encoding);
      expect(res.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has browsers ask again every time for the shell, the service worker and the manifest', async () => {
    for (const url of [
      '/',
      '/index.html',
      '/courier',
      '/tra-cuu/TN0001',
      '/sw.js',
      '/manifest.webmanifest',
    ]) {
      const res = await request(app).get(url).set('Accept-Encoding', 'gzip, br');
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps the content security policy on the shell', async () => {
    const res = await request(app).get('/courier').set('Accept-Encoding', 'br');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(
      /unsafe-inline'[^;]*script|script-src[^;]*unsafe-inline/,
    );
  });
});

describe('API answers on the wire', () => {
  it('compresses a large JSON answer (the procedure catalogue)', async () => {
    const agent = await loginAs(app, org.inA.operator.username, TEST_PASSWORD);
    const res = await agent
      .get('/api/procedures')
      .query({ pageSize: 100 })
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect((res.body as Buffer).length).toBeGreaterThan(4 * 1024);
  });

  it('leaves a small JSON answer as it is (compressing it would cost more than it saves)', async () => {
    const agent = await loginAs(app, org.inA.operator.username, TEST_PASSWORD);
    const res = await agent.get('/api/me').set('Accept-Encoding', 'gzip, br');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body).length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses an Excel workbook again (it is a zip already)', async () => {
    const agent = await loginAs(app, org.inA.manager.username, TEST_PASSWORD);
    const res = await agent
      .get('/api/exports/jobs.xlsx')
      .query({ from: '2026-01-01', to: '2026-01-31' })
      .set('Accept-Encoding', 'gzip, br')
      .buffer(true)
      .parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('still refuses a compressed request body (only answers are compressed)', async () => {
    const agent = await loginAs(app, org.inA.operator.username, TEST_PASSWORD);
    const res = await agent
      .post('/api/auth/password')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{}');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
