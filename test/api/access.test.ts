import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestApp } from '../support/app';
import { buildOrgApp, type OrgFixture } from '../support/org-app';
import { TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => ({ t, org } = await buildOrgApp()));
afterAll(async () => t.close());

describe('roles: 401 vs 403', () => {
  it('GET /api/users is 401 when signed out', async () => {
    expect((await request(t.app).get('/api/users')).status).toBe(401);
  });

  it.each([
    ['operator', 403],
    ['courier', 403],
    ['dispatcher', 200],
    ['manager', 200],
    ['admin', 200],
  ] as const)('GET /api/users as %s answers %i', async (role, status) => {
    const agent = await loginAs(t.app, org.inA[role].username, TEST_PASSWORD);
    const res = await agent.get('/api/users');
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe('forbidden');
  });
});

describe('unit scoping', () => {
  it('a dispatcher of unit A cannot read unit B', async () => {
    const agent = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const res = await agent.get(`/api/units/${org.unitB.id}`);
    expect(res.status).toBe(403);
    const users = await agent.get('/api/users').query({ unitId: org.unitB.id });
    expect(users.status).toBe(403);
  });

  it("a dispatcher of unit A lists only unit A's staff", async () => {
    const agent = await loginAs(t.app, org.inA.dispatcher.username, TEST_PASSWORD);
    const res = await agent.get('/api/users');
    expect(res.status).toBe(200);
    const unitIds = new Set(res.body.items.map((u: { unitId: string }) => u.unitId));
    expect([...unitIds]).toEqual([org.unitA.id]);
    expect(res.body.items.some((u: { id: string }) => u.id === org.dispatcherB.id)).toBe(false);
  });

  it('a manager of the province sees both post offices below it', async () => {
    const agent = await loginAs(t.app, org.provinceManager.username, TEST_PASSWORD);
    const res = await agent.get('/api/units');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id).sort();
    expect(ids).toEqual([org.province.id, org.unitA.id, org.unitB.id].sort());
    expect((await agent.get(`/api/units/${org.unitB.id}`)).status).toBe(200);
  });

  it('a post-office user does not see the province above it', async () => {
    const agent = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const res = await agent.get('/api/units');
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([org.unitA.id]);
  });
});
