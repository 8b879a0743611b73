import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/src/db/client';
import { loginAs, type TestApp } from '../support/app';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { buildOrgAppWithProvinceAdmin, type Agent, type OrgFixture } from '../support/org-app';

let t: TestApp;
let org: OrgFixture;
let province: Agent;
let adminA: Agent;
let adminB: Agent;

beforeAll(async () => {
  const built = await buildOrgAppWithProvinceAdmin();
  ({ t, org } = built);
  province = await built.asProvinceAdmin();
  adminA = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
  const b = await createUser(t.database.db, 'admin', org.unitB.id);
  adminB = await loginAs(t.app, b.username, TEST_PASSWORD);
});
afterAll(async () => t.close());

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);

/** A new key of `unitId` made by `who`; returns the answer's key and secret. */
async function newKey(who: Agent, unitId: string, extra: Record<string, unknown> = {}) {
  const res = await who
    .post('/api/admin/intake-keys')
    .send({ name: 'Trung tâm Phục vụ hành chính công', unitId, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as { key: { id: string; prefix: string }; secret: string };
}

describe('admin API keys (/api/admin/intake-keys)', () => {
  it('shows the secret once; the list never shows it and the database holds only its hash', async () => {
    const { key, secret } = await newKey(adminA, org.unitA.id, { rateLimitPerMinute: 30 });
    expect(secret).toMatch(/^tn1022_[0-9a-f]{10}_[A-Za-z0-9_-]{43,}$/);
    expect(secret.startsWith(`tn1022_${key.prefix}_`)).toBe(true);
    expect(key).toMatchObject({
      unit: { id: org.unitA.id, name: org.unitA.name },
      rateLimitPerMinute: 30,
      createdBy: { id: org.inA.admin.id },
      lastUsedAt: null,
      revokedAt: null,
    });

    const list = await adminA.get('/api/admin/intake-keys');
    expect(list.status).toBe(200);
    expect(list.body.items.map((k: { id: string }) => k.id)).toContain(key.id);
    expect(list.text).not.toContain(secret.slice(18));
    expect(list.text).not.toContain('secret');

    const [stored] = await rows<{ secret_hash: string }>(
      sql`select secret_hash from intake_api_keys where id = ${key.id}`,
    );
    expect(stored!.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const dump = await rows<{ t: string }>(
      sql`select row_to_json(k)::text as t from intake_api_keys k`,
    );
    expect(dump.some((r) => r.t.includes(secret.slice(18)))).toBe(false);

    const [audit] = await rows<{ action: string; after: string }>(
      sql`select action, after::text from audit_events where entity_id = ${key.id}::text`,
    );
    expect(audit?.action).toBe('intake_key.create');
    expect(audit?.after).not.toContain(secret.slice(18));
  });

  it('lets a post office admin manage keys of its own unit only; a province admin any', async () => {
    const res = await adminB
      .post('/api/admin/intake-keys')
      .send({ name: 'Hệ thống một cửa', unitId: org.unitA.id });
    expect(res.status).toBe(403);
    const { key } = await newKey(province, org.unitB.id);
    const listB = await adminB.get('/api/admin/intake-keys');
    expect(listB.body.items.map((k: { id: string }) => k.id)).toEqual([key.id]);
    const listA = await adminA.get('/api/admin/intake-keys');
    expect(listA.body.items.map((k: { id: string }) => k.id)).not.toContain(key.id);
    expect((await adminA.post(`/api/admin/intake-keys/${key.id}/revoke`)).status).toBe(403);
    const operator = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
    expect((await operator.get('/api/admin/intake-keys')).status).toBe(403);
  });

  it("refuses a rate limit outside 1..600 (naming the field) and a unit outside the admin's", async () => {
    const res = await adminA
      .post('/api/admin/intake-keys')
      .send({ name: 'Một cửa', unitId: org.unitA.id, rateLimitPerMinute: 601 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['rateLimitPerMinute']);
    const ghost = await province
      .post('/api/admin/intake-keys')
      .send({ name: 'Một cửa', unitId: crypto.randomUUID() });
    expect(ghost.status).toBe(403);
  });

  it('revokes a key (audited) and revoking again changes nothing', async () => {
    const { key } = await newKey(adminA, org.unitA.id);
    const res = await adminA.post(`/api/admin/intake-keys/${key.id}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body.key.revokedAt).toEqual(expect.any(String));
    const again = await adminA.post(`/api/admin/intake-keys/${key.id}/revoke`);
    expect(again.body.key.revokedAt).toBe(res.body.key.revokedAt);
    const audits = await rows<{ action: string }>(
      sql`select action from audit_events where entity_id = ${key.id}::text order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['intake_key.create', 'intake_key.revoke']);
  });
});

export { request };
