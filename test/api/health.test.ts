import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { buildTestApp, loginAs } from '../support/app';
import { createUnit, createUser, TEST_PASSWORD } from '../support/factories';

// supertest talks over loopback; a forwarded address makes it a caller from outside.
const OUTSIDE = '203.0.113.50';

describe('GET /healthz and /readyz', () => {
  it('reports ready while the database answers and 503 once it is unreachable', async () => {
    const t = await buildTestApp();
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    await t.database.close();
    const down = await request(t.app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('database_unreachable');
    // Liveness does not depend on the database.
    expect((await request(t.app).get('/healthz')).status).toBe(200);
  });

  it('tells a caller from outside only the status, never the database or why it fails', async () => {
    const t = await buildTestApp();
    const ready = await request(t.app).get('/readyz').set('X-Forwarded-For', OUTSIDE);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
    await t.database.close();
    const down = await request(t.app).get('/readyz').set('X-Forwarded-For', OUTSIDE);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unavailable' });
  });

  it('tells a signed-in admin which database fails and why, without its address', async () => {
    const t = await buildTestApp();
    const unit = await createUnit(t.database.db);
    const admin = await createUser(t.database.db, 'admin', unit.id);
    const operator = await createUser(t.database.db, 'operator', unit.id);
    const failing = {
      ...t.database,
      ping: () =>
        Promise.reject(
          new Error(
            'connect ECONNREFUSED 10.20.30.40:5432 (postgres://tannha:s3cret@db.internal:5432/tannha)',
          ),
        ),
    };
    const app = createApp({ database: failing, config: t.config });
    const asAdmin = await loginAs(app, admin.username, TEST_PASSWORD);
    const seen = await asAdmin.get('/readyz').set('X-Forwarded-For', OUTSIDE);
    expect(seen.status).toBe(503);
    expect(seen.body).toMatchObject({
      status: 'unavailable',
      database: t.database.kind,
      error: { code: 'database_unreachable' },
    });
    expect(seen.body.error.message).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(seen.body)).not.toMatch(/10\.20\.30\.40|5432|s3cret|db\.internal/);
    const asOperator = await loginAs(app, operator.username, TEST_PASSWORD);
    const hidden = await asOperator.get('/readyz').set('X-Forwarded-For', OUTSIDE);
    expect(hidden.body).toEqual({ status: 'unavailable' });
    await t.close();
  });
});

describe('the built web app', () => {
  it('serves the bundles but never their source maps', async () => {
    const t = await buildTestApp();
    const dist = mkdtempSync(path.join(tmpdir(), 'tn-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>1022</title>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'assets', 'app.js.map'), '{"version":3,"sources":["a.ts"]}');
    const app = createApp({ database: t.database, config: t.config, webDist: dist });
    expect((await request(app).get('/assets/app.js')).status).toBe(200);
    for (const url of ['/assets/app.js.map', '/assets/app.js.MAP', '/assets/app.js.%6dap']) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.text).not.toMatch(/sources/);
    }
    await t.close();
  });
});
