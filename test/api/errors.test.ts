import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;

beforeAll(async () => {
  t = await buildTestApp();
  org = await createOrgFixture(t.database.db);
});
afterAll(async () => t.close());

describe('errors', () => {
  it('answers an unknown API route with JSON 404', async () => {
    const res = await request(t.app).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.code).toBe('route_not_found');
  });

  it('answers 400 with a message per field for a bad query, in English when asked', async () => {
    const agent = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await agent
      .get('/api/users')
      .set('Accept-Language', 'en-US')
      .query({ unitId: 'not-a-uuid', role: 'pilot' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['query.role', 'query.unitId']);
    expect(res.body.error.fields['query.unitId']).toMatch(/UUID/i);
  });

  it('answers a malformed id in the path with 400, not 500', async () => {
    const agent = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await agent.get('/api/units/123');
    expect(res.status).toBe(400);
    expect(res.body.error.fields['params.id']).toBeTruthy();
  });

  it('answers broken JSON with 400 invalid_json and no stack trace', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a missing unit with 404 in the caller language', async () => {
    const agent = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await agent.get('/api/units/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Đơn vị không tồn tại.');
  });
});
