import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestApp } from '../support/app';
import { buildOrgApp, type OrgFixture } from '../support/org-app';
import { createUser, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => ({ t, org } = await buildOrgApp()));
afterAll(async () => t.close());

describe('POST /api/auth/login', () => {
  it('opens a session in an httpOnly, SameSite=Lax cookie and returns the user', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ username: org.inA.operator.username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      username: org.inA.operator.username,
      role: 'operator',
      unitId: org.unitA.id,
      unitName: 'Bưu cục A',
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/tn_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('accepts the username in any case', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ username: org.inA.manager.username.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password with 401 and a message in Vietnamese by default', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ username: org.inA.courier.username, password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
    expect(res.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Accept-Language', 'en')
      .send({ username: 'nobody-here', password: 'whatever1' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'invalid_credentials',
      message: 'Wrong username or password.',
    });
  });

  it('reports missing fields with a message per field', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ username: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['password', 'username']);
    expect(res.body.error.fields.password).toBe('Trường này là bắt buộc.');
  });

  it('locks the account after five wrong passwords, even for the right password, and says until when', async () => {
    const user = await createUser(t.database.db, 'dispatcher', org.unitA.id);
    for (let i = 0; i < 4; i++) {
      const r = await request(t.app)
        .post('/api/auth/login')
        .send({ username: user.username, password: 'bad-' + i });
      expect(r.status).toBe(401);
    }
    const fifth = await request(t.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: 'bad-5' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    expect(fifth.body.error.message).toMatch(/khóa/);
    expect(new Date(fifth.body.error.lockedUntil).getTime()).toBeGreaterThan(
      Date.now() + 10 * 60_000,
    );
    const right = await request(t.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(right.status).toBe(423);
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(t.database.db, 'operator', org.unitA.id, { disabled: true });
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(401);
  });

  it('rate-limits many attempts at one username with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await request(t.app)
        .post('/api/auth/login')
        .send({ username: 'target-of-guessing', password: 'guess-' + i });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('GET /api/me and POST /api/auth/logout', () => {
  it('returns the signed-in user, then 401 after logout', async () => {
    const agent = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const me = await agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: org.inA.admin.id, role: 'admin' });
    const out = await agent.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const after = await agent.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('answers 401 without a cookie and with a forged one', async () => {
    expect((await request(t.app).get('/api/me')).status).toBe(401);
    const forged = await request(t.app).get('/api/me').set('Cookie', 'tn_sid=s%3Aabc.def');
    expect(forged.status).toBe(401);
  });

  it('refuses a cross-site write (Origin check) but accepts our own origin', async () => {
    const agent = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
    const evil = await agent.post('/api/auth/logout').set('Origin', 'https://evil.example');
    expect(evil.status).toBe(403);
    expect((await agent.get('/api/me')).status).toBe(200);
    const ok = await agent.post('/api/auth/logout').set('Origin', 'http://localhost:3000');
    expect(ok.status).toBe(204);
  });
});
