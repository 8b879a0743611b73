import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/app';

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
});
