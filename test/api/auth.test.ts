import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { buildOrgApp, type OrgFixture } from '../support/org-app';
import { createUnit, createUser, TEST_PASSWORD } from '../support/factories';
import { backdateLoginThrottles, tryLogin } from '../support/login';

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

  it('refuses a disabled user', async () => {
    const user = await createUser(t.database.db, 'operator', org.unitA.id, { disabled: true });
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/auth/session (the check the app makes on start)', () => {
  it('answers 200 with nobody for a logged-out visitor, a forged cookie and after logout, and the user when signed in', async () => {
    const anonymous = await request(t.app).get('/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });
    const forged = await request(t.app)
      .get('/api/auth/session')
      .set('Cookie', 'tn_sid=s%3Aabc.def');
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual({ user: null });

    const agent = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const me = await agent.get('/api/auth/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: org.inA.dispatcher.id, role: 'dispatcher' });
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    const after = await agent.get('/api/auth/session');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ user: null });
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

describe('sign-in throttling (per username and client address)', () => {
  it('answers an unknown and a real username with the same statuses and codes over eight guesses', async () => {
    const real = await createUser(t.database.db, 'admin', org.unitA.id);
    const seq = async (username: string, from: string) => {
      const out: string[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await tryLogin(t.app, username, 'guess-' + i, from);
        out.push(`${r.status} ${r.body.error?.code}`);
      }
      return out;
    };
    const forReal = await seq(real.username, '198.51.100.1');
    const forNobody = await seq('nobody-' + real.username, '198.51.100.2');
    expect(forReal).toEqual(forNobody);
    expect(forReal.slice(0, 3)).toEqual(Array(3).fill('401 invalid_credentials'));
    expect(forReal.slice(3)).toEqual(Array(5).fill('429 login_throttled'));
  });

  it('never locks the owner out from another address, whatever others guessed', async () => {
    const owner = await createUser(t.database.db, 'admin', org.unitA.id);
    for (let i = 0; i < 8; i++) await tryLogin(t.app, owner.username, 'guess-' + i, '198.51.100.3');
    const mine = await tryLogin(t.app, owner.username, TEST_PASSWORD, '198.51.100.4');
    expect(mine.status).toBe(200);
  });

  it('makes each attempt after the third wait longer, says until when in Vietnamese, and refuses even the right password meanwhile', async () => {
    const user = await createUser(t.database.db, 'dispatcher', org.unitA.id);
    const from = '198.51.100.5';
    for (let i = 0; i < 3; i++)
      expect((await tryLogin(t.app, user.username, 'bad-' + i, from)).status).toBe(401);
    const first = await tryLogin(t.app, user.username, TEST_PASSWORD, from);
    expect(first.status).toBe(429);
    // 2 seconds after the third failure (1 when the machine took a second to answer).
    const firstWait = Number(first.headers['retry-after']);
    expect(firstWait).toBeGreaterThanOrEqual(1);
    expect(firstWait).toBeLessThanOrEqual(2);
    expect(first.body.error.message).toMatch(/Vui lòng thử lại sau [12] giây \(lúc \d\d:\d\d /);
    expect(first.body.error.retryAfterSeconds).toBe(firstWait);

    await backdateLoginThrottles(t.database.db, user.username);
    expect((await tryLogin(t.app, user.username, 'bad-3', from)).status).toBe(401);
    const second = await tryLogin(t.app, user.username, 'bad-4', from);
    expect(second.status).toBe(429);
    const secondWait = Number(second.headers['retry-after']);
    expect(secondWait).toBeGreaterThanOrEqual(3);
    expect(secondWait).toBeLessThanOrEqual(4);

    await backdateLoginThrottles(t.database.db, user.username);
    expect((await tryLogin(t.app, user.username, TEST_PASSWORD, from)).status).toBe(200);
    // A success starts the count again.
    expect((await tryLogin(t.app, user.username, 'bad-5', from)).status).toBe(401);
    expect((await tryLogin(t.app, user.username, TEST_PASSWORD, from)).status).toBe(200);
  });

  it('lets an admin of the unit lift the throttling (audited), and nobody else', async () => {
    const user = await createUser(t.database.db, 'courier', org.unitA.id);
    const from = '198.51.100.6';
    for (let i = 0; i < 4; i++) await tryLogin(t.app, user.username, 'bad-' + i, from);
    expect((await tryLogin(t.app, user.username, TEST_PASSWORD, from)).status).toBe(429);

    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const refused = await manager.post(`/api/admin/users/${user.id}/unlock-login`);
    expect(refused.status).toBe(403);
    const otherUnit = await createUnit(t.database.db, { parentId: org.province.id });
    const adminElsewhere = await createUser(t.database.db, 'admin', otherUnit.id);
    const elsewhere = await loginAs(t.app, adminElsewhere.username, TEST_PASSWORD);
    expect((await elsewhere.post(`/api/admin/users/${user.id}/unlock-login`)).status).toBe(403);
    expect((await tryLogin(t.app, user.username, TEST_PASSWORD, from)).status).toBe(429);

    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const unlocked = await admin.post(`/api/admin/users/${user.id}/unlock-login`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ id: user.id, addressesCleared: 1 });
    expect((await tryLogin(t.app, user.username, TEST_PASSWORD, from)).status).toBe(200);
    const audit = await admin
      .get('/api/admin/audit')
      .query({ entityType: 'user', entityId: user.id });
    expect(JSON.stringify(audit.body)).toMatch(/user\.unlock_login/);
  });
});

describe('spraying many usernames from one address', () => {
  it('is still cut off by the per-address limiter', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await tryLogin(t.app, `spray-${i}`, 'Summer2026!', '198.51.100.77')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  }, 120_000);
});

describe('TRUST_PROXY', () => {
  it('with a trusted proxy, X-Forwarded-Proto: https marks the cookie Secure and X-Forwarded-For names the client', async () => {
    const user = await createUser(t.database.db, 'operator', org.unitA.id);
    const viaProxy = await request(t.app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: user.username, password: TEST_PASSWORD });
    expect(viaProxy.status).toBe(200);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const plain = await tryLogin(t.app, user.username, TEST_PASSWORD, '198.51.100.7');
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    for (let i = 0; i < 3; i++) await tryLogin(t.app, user.username, 'bad-' + i, '198.51.100.8');
    expect((await tryLogin(t.app, user.username, 'bad-3', '198.51.100.8')).status).toBe(429);
    expect((await tryLogin(t.app, user.username, 'bad-3', '198.51.100.9')).status).toBe(401);
  });

  it('without trust, forwarded headers change neither the cookie nor the address', async () => {
    const t2 = await buildTestApp({ TRUST_PROXY: 'false' });
    try {
      const unit = await createUnit(t2.database.db);
      const user = await createUser(t2.database.db, 'operator', unit.id);
      const res = await request(t2.app)
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ username: user.username, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
      for (let i = 0; i < 3; i++)
        await tryLogin(t2.app, user.username, 'bad-' + i, '203.0.113.' + i);
      // Every "address" was the same socket: the fourth waits.
      expect((await tryLogin(t2.app, user.username, 'bad-3', '203.0.113.99')).status).toBe(429);
    } finally {
      await t2.close();
    }
  });
});
