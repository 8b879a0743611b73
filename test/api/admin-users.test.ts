import request from 'supertest';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/src/db/client';
import { loginAs, type TestApp } from '../support/app';
import {
  buildOrgAppWithProvinceAdmin,
  type Agent,
  type OrgFixture,
  type TestUser,
} from '../support/org-app';
import { createUnit, createUser, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: OrgFixture;
let provinceAdmin: TestUser;
/** The reader of the audit trail, signed in once for the file. */
let auditor: () => Promise<Agent>;

beforeAll(
  async () =>
    ({ t, org, provinceAdmin, asProvinceAdmin: auditor } = await buildOrgAppWithProvinceAdmin()),
);
afterAll(async () => t.close());

const NEW_PASSWORD = 'Mat-khau-moi-2026';
const sessionsOf = async (userId: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sessions where user_id = ${userId}`,
    )
  )[0]!.n;
/** The answer's status to a plain sign-in (no session kept). */
const signInStatus = async (username: string, password: string) =>
  (await request(t.app).post('/api/auth/login').send({ username, password })).status;
const auditFor = async (id: string) => {
  const agent = await auditor();
  const res = await agent.get('/api/admin/audit').query({ entityType: 'user', entityId: id });
  expect(res.status).toBe(200);
  // Sign-ins are audited on the user too; keep the admin's changes.
  return (
    res.body.items as {
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
      actor: { username: string };
    }[]
  ).filter((e) => e.action.startsWith('user.'));
};

describe('admin users', () => {
  it('creates a user who can then sign in, audited with who and what', async () => {
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await admin.post('/api/admin/users').send({
      username: 'Courier.New',
      fullName: 'Lê Văn Mới',
      role: 'courier',
      unitId: org.unitA.id,
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'courier.new',
      role: 'courier',
      unitId: org.unitA.id,
      disabled: false,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ username: 'courier.new', password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    const [ev] = await auditFor(res.body.id);
    expect(ev).toMatchObject({
      action: 'user.create',
      before: null,
      after: { username: 'courier.new', role: 'courier' },
      actor: { username: org.inA.admin.username },
    });
    expect(JSON.stringify(ev)).not.toContain('argon2');
  });

  it('refuses a taken username with 409 and a short password with 400', async () => {
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const dup = await admin.post('/api/admin/users').send({
      username: org.inA.courier.username.toUpperCase(),
      fullName: 'Trùng Tên',
      role: 'courier',
      unitId: org.unitA.id,
      password: NEW_PASSWORD,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('username_taken');
    expect(dup.body.error.message).toContain(org.inA.courier.username);
    const short = await admin.post('/api/admin/users').send({
      username: 'short.pw',
      fullName: 'Mật Khẩu Ngắn',
      role: 'courier',
      unitId: org.unitA.id,
      password: 'ngan-123',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toHaveProperty('password');
  });

  it('disables a user: their sessions end and they cannot sign in until enabled', async () => {
    const victim = await createUser(t.database.db, 'operator', org.unitA.id);
    const theirs = await loginAs(t.app, victim.username, TEST_PASSWORD);
    expect((await theirs.get('/api/me')).status).toBe(200);
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await admin.patch(`/api/admin/users/${victim.id}`).send({ disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    expect(await sessionsOf(victim.id)).toBe(0);
    expect((await theirs.get('/api/me')).status).toBe(401);
    expect(await signInStatus(victim.username, TEST_PASSWORD)).toBe(401);
    const enabled = await admin.patch(`/api/admin/users/${victim.id}`).send({ disabled: false });
    expect(enabled.body.disabled).toBe(false);
    expect(await signInStatus(victim.username, TEST_PASSWORD)).toBe(200);
    const actions = (await auditFor(victim.id)).map((e) => e.action);
    expect(actions).toEqual(['user.enable', 'user.disable']);
    const disable = (await auditFor(victim.id))[1]!;
    expect(disable.before).toMatchObject({ disabled: false });
    expect(disable.after).toMatchObject({ disabled: true, sessionsEnded: 1 });
  });

  it('resets a password: old sessions end, the old password fails, the new one works', async () => {
    const victim = await createUser(t.database.db, 'dispatcher', org.unitA.id);
    const theirs = await loginAs(t.app, victim.username, TEST_PASSWORD);
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await admin
      .post(`/api/admin/users/${victim.id}/password`)
      .send({ password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await theirs.get('/api/me')).status).toBe(401);
    expect(await signInStatus(victim.username, TEST_PASSWORD)).toBe(401);
    expect(await signInStatus(victim.username, NEW_PASSWORD)).toBe(200);
    expect((await auditFor(victim.id))[0]).toMatchObject({
      action: 'user.reset_password',
      after: { passwordChanged: true, sessionsEnded: 1 },
    });
  });

  it('changes role and unit within the admin’s scope, with before/after in the audit', async () => {
    const u = await createUser(t.database.db, 'operator', org.unitA.id);
    const admin = await loginAs(t.app, provinceAdmin.username, TEST_PASSWORD);
    const res = await admin
      .patch(`/api/admin/users/${u.id}`)
      .send({ role: 'dispatcher', unitId: org.unitB.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'dispatcher', unitId: org.unitB.id });
    const [ev] = await auditFor(u.id);
    expect(ev).toMatchObject({
      action: 'user.update',
      before: { role: 'operator', unitId: org.unitA.id },
      after: { role: 'dispatcher', unitId: org.unitB.id },
    });
  });

  it('lists people in natural order: bt2 before bt10, in the admin list and the staff picker', async () => {
    const unit = await createUnit(t.database.db, { parentId: org.unitA.id });
    for (const n of [10, 2, 11, 1]) {
      await createUser(t.database.db, 'courier', unit.id, {
        username: `bt${n}`,
        fullName: `Bưu tá số ${n}`,
      });
    }
    const admin = await loginAs(t.app, provinceAdmin.username, TEST_PASSWORD);
    const mine = (names: string[]) => names.filter((n) => /^bt\d+$/.test(n));
    const listed = await admin.get('/api/admin/users');
    expect(mine(listed.body.items.map((u: { username: string }) => u.username))).toEqual([
      'bt1',
      'bt2',
      'bt10',
      'bt11',
    ]);
    const staff = await admin.get('/api/users').query({ unitId: unit.id, role: 'courier' });
    expect(staff.body.items.map((u: { username: string }) => u.username)).toEqual([
      'bt1',
      'bt2',
      'bt10',
      'bt11',
    ]);
  });

  it('keeps a post office admin to their own unit', async () => {
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    expect(
      (await admin.patch(`/api/admin/users/${org.dispatcherB.id}`).send({ disabled: true })).status,
    ).toBe(403);
    expect(
      (
        await admin
          .post(`/api/admin/users/${org.dispatcherB.id}/password`)
          .send({ password: NEW_PASSWORD })
      ).status,
    ).toBe(403);
    const u = await createUser(t.database.db, 'operator', org.unitA.id);
    expect(
      (await admin.patch(`/api/admin/users/${u.id}`).send({ unitId: org.unitB.id })).status,
    ).toBe(403);
    expect(
      (
        await admin.post('/api/admin/users').send({
          username: 'other.unit',
          fullName: 'Đơn Vị Khác',
          role: 'courier',
          unitId: org.unitB.id,
          password: NEW_PASSWORD,
        })
      ).status,
    ).toBe(403);
    const list = await admin.get('/api/admin/users');
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(org.dispatcherB.id);
    const row = await queryRows<{ disabled: boolean }>(
      t.database.db,
      sql`select disabled from users where id = ${org.dispatcherB.id}`,
    );
    expect(row[0]!.disabled).toBe(false);
  });

  it('shows a post office manager only what people of their units changed', async () => {
    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const res = await manager.get('/api/admin/audit').query({ entityType: 'user' });
    expect(res.status).toBe(200);
    const actors = new Set(
      res.body.items.map((e: { actor: { username: string } | null }) => e.actor?.username),
    );
    expect(actors.has(org.inA.admin.username)).toBe(true);
    expect(actors.has(provinceAdmin.username)).toBe(false);
    const all = await (await auditor()).get('/api/admin/audit').query({ entityType: 'user' });
    expect(
      all.body.items.some(
        (e: { actor: { username: string } | null }) => e.actor?.username === provinceAdmin.username,
      ),
    ).toBe(true);
  });

  it('refuses non-admins: 403 to change, managers may read', async () => {
    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    expect((await manager.get('/api/admin/users')).status).toBe(200);
    expect(
      (
        await manager.post('/api/admin/users').send({
          username: 'by.manager',
          fullName: 'Không Được',
          role: 'courier',
          unitId: org.unitA.id,
          password: NEW_PASSWORD,
        })
      ).status,
    ).toBe(403);
    expect(
      (await manager.patch(`/api/admin/users/${org.inA.courier.id}`).send({ disabled: true }))
        .status,
    ).toBe(403);
    const dispatcher = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    expect((await dispatcher.get('/api/admin/users')).status).toBe(403);
    expect((await dispatcher.get('/api/admin/audit')).status).toBe(403);
  });

  it('creates and edits a unit under the admin’s own, audited', async () => {
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const created = await admin.post('/api/admin/units').send({
      code: 'bc-moi',
      name: 'Bưu cục Mới',
      parentId: org.unitA.id,
      address: '1 Đường Mới',
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toBe('BC-MOI');
    expect(
      (
        await admin
          .post('/api/admin/units')
          .send({ code: 'BC-MOI', name: 'Trùng mã', parentId: org.unitA.id })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin
          .post('/api/admin/units')
          .send({ code: 'BC-B2', name: 'Dưới B', parentId: org.unitB.id })
      ).status,
    ).toBe(403);
    expect(
      (await admin.patch(`/api/admin/units/${org.unitB.id}`).send({ name: 'Đổi tên B' })).status,
    ).toBe(403);
    const edited = await admin
      .patch(`/api/admin/units/${created.body.id}`)
      .send({ name: 'Bưu cục Mới Đổi Tên' });
    expect(edited.status).toBe(200);
    const audit = await (
      await auditor()
    )
      .get('/api/admin/audit')
      .query({ entityType: 'unit', entityId: created.body.id });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'unit.update',
      'unit.create',
    ]);
    expect(audit.body.items[0]).toMatchObject({
      before: { name: 'Bưu cục Mới' },
      after: { name: 'Bưu cục Mới Đổi Tên' },
    });
  });
});
