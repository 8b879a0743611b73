import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../server/src/db/client';
import { adminProvinces, adminWards, unitServiceWards } from '../../server/src/db/schema';
import { loginAs, type TestApp } from '../support/app';
import { createProcedure, createUser, TEST_PASSWORD } from '../support/factories';
import { buildOrgAppWithProvinceAdmin, type Agent, type OrgFixture } from '../support/org-app';

let t: TestApp;
let org: OrgFixture;
let province: Agent;
let adminA: Agent;
let adminB: Agent;
let world: Awaited<ReturnType<typeof intakeWorld>>;

/**
 * Wards of the configured province (75) split between the two post offices, and two
 * procedures: one that may go by post, one that must be done in person.
 */
async function intakeWorld(db: Db, units: { a: string; b: string }) {
  const effectiveDate = '2025-07-01';
  await db
    .insert(adminProvinces)
    .values({
      code: '75',
      name: 'Đồng Nai',
      fullName: 'Tỉnh Đồng Nai',
      kind: 'Tỉnh',
      effectiveDate,
    })
    .onConflictDoNothing();
  const ward = (code: string, name: string) => ({
    code,
    provinceCode: '75',
    name,
    fullName: `Phường ${name}`,
    kind: 'Phường',
    effectiveDate,
  });
  await db
    .insert(adminWards)
    .values([ward('26041', 'Trấn Biên'), ward('26068', 'Tam Hiệp'), ward('26080', 'Long Bình')])
    .onConflictDoNothing();
  await db.insert(unitServiceWards).values([
    { wardCode: '26041', unitId: units.a },
    { wardCode: '26068', unitId: units.a },
    { wardCode: '26080', unitId: units.b },
  ]);
  const byPost = await createProcedure(db, {
    code: '1.001622',
    name: 'Cấp bản sao trích lục hộ tịch',
  });
  const inPerson = await createProcedure(db, {
    code: '1.004222',
    name: 'Đăng ký kết hôn',
    inPersonOnly: true,
  });
  return { byPost, inPerson, wardA: '26041', wardA2: '26068', wardB: '26080' };
}

beforeAll(async () => {
  const built = await buildOrgAppWithProvinceAdmin();
  ({ t, org } = built);
  province = await built.asProvinceAdmin();
  adminA = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
  const b = await createUser(t.database.db, 'admin', org.unitB.id);
  adminB = await loginAs(t.app, b.username, TEST_PASSWORD);
  world = await intakeWorld(t.database.db, { a: org.unitA.id, b: org.unitB.id });
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

let seq = 0;
/** A good dossier for a ward of unit A (a new code and phone each time). */
function dossier(over: Record<string, unknown> = {}) {
  seq += 1;
  const n = String(seq).padStart(4, '0');
  return {
    dossierCode: `H48.19.10-260315-${n}`,
    procedureCode: world.byPost.code,
    recipientName: `Nguyễn Văn ${n}`,
    phone: `0912${String(100_000 + seq).slice(-6)}`,
    addressText: `${seq} Đường Võ Thị Sáu`,
    wardCode: world.wardA,
    resultReadyDate: '2026-12-10',
    feeDueVnd: 0,
    postalChargeVnd: 26_000,
    postalChargePayer: 'citizen',
    ...over,
  };
}

/** Sends a batch with a key (`Authorization: Bearer`, or the headers given). */
function send(secret: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const req = request(t.app).post('/api/intake/results');
  if (secret !== undefined) req.set('Authorization', `Bearer ${secret}`);
  return req.set(headers).send(body as object);
}

const tableCounts = async () =>
  (
    await rows<{ jobs: number; imports: number; citizens: number }>(
      sql`select (select count(*)::int from jobs) as jobs,
        (select count(*)::int from result_imports) as imports,
        (select count(*)::int from citizens) as citizens`,
    )
  )[0]!;

type Item = {
  index: number;
  dossierCode: string;
  outcome: string;
  unitId?: string;
  jobId?: string;
  changes?: string[];
  problems: { field: string; code: string; message: { vi: string; en: string } }[];
};

describe('POST /api/intake/results: the key', () => {
  it('refuses a request without a key, with a garbage key, or with only a session (401)', async () => {
    const body = { results: [dossier()] };
    const none = await send(undefined, body);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('api_key_invalid');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const garbage of ['abc', 'tn1022_0123456789_' + 'x'.repeat(43), 'Bearer']) {
      const res = await send(garbage, body);
      expect(res.status, garbage).toBe(401);
      expect(res.body).toEqual(none.body);
    }
    const session = await adminA.post('/api/intake/results').send(body);
    expect(session.status).toBe(401);
    expect(session.body.error.code).toBe('api_key_invalid');
    expect((await tableCounts()).jobs).toBe(0);
  });

  it('refuses a revoked key exactly as an unknown one, and audits the refused use', async () => {
    const { key, secret } = await newKey(adminA, org.unitA.id);
    expect((await send(secret, { results: [dossier()] })).status).toBe(200);
    await adminA.post(`/api/admin/intake-keys/${key.id}/revoke`).expect(200);
    const revoked = await send(secret, { results: [dossier()] });
    expect(revoked.status).toBe(401);
    const unknown = await send(secret.replace(key.prefix, 'ffffffffff'), {
      results: [dossier()],
    });
    expect(unknown.status).toBe(401);
    expect(revoked.body).toEqual(unknown.body);
    const live = await newKey(adminA, org.unitA.id);
    const wrong = await send(live.secret.slice(0, -4) + 'AAAA', { results: [dossier()] });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    const refusals = (id: string) =>
      rows<{ reason: string }>(
        sql`select reason from audit_events where action = 'intake_key.refused' and entity_id = ${id}::text`,
      );
    await expect.poll(() => refusals(key.id)).toEqual([{ reason: 'revoked' }]);
    await expect.poll(() => refusals(live.key.id)).toEqual([{ reason: 'wrong_secret' }]);
  });

  it('accepts the key in X-Api-Key and notes when it was last used', async () => {
    const { key, secret } = await newKey(adminA, org.unitA.id);
    const res = await send(undefined, { results: [dossier()] }, { 'X-Api-Key': secret });
    expect(res.status, res.text).toBe(200);
    const list = await adminA.get('/api/admin/intake-keys');
    const seen = list.body.items.find((k: { id: string }) => k.id === key.id);
    expect(seen.lastUsedAt).toEqual(expect.any(String));
  });

  it('counts requests per key in the database: past the limit, 429 with Retry-After', async () => {
    const { secret } = await newKey(adminA, org.unitA.id, { rateLimitPerMinute: 2 });
    const other = await newKey(adminA, org.unitA.id, { rateLimitPerMinute: 2 });
    expect((await send(secret, { results: [dossier()] })).status).toBe(200);
    expect((await send(secret, { results: [dossier()] })).status).toBe(200);
    const third = await send(secret, { results: [dossier()] });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('api_key_rate_limited');
    const wait = Number(third.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Another key has its own window.
    expect((await send(other.secret, { results: [dossier()] })).status).toBe(200);
    const [w] = await rows<{ count: number }>(
      sql`select count from intake_rate_windows w join intake_api_keys k on k.id = w.api_key_id
          where k.prefix = ${other.key.prefix}`,
    );
    expect(w!.count).toBe(1);
  });
});

describe('POST /api/intake/results: the batch', () => {
  let secretA: string;
  let secretProvince: string;
  beforeAll(async () => {
    secretA = (await newKey(adminA, org.unitA.id, { rateLimitPerMinute: 600 })).secret;
    secretProvince = (await newKey(province, org.province.id, { rateLimitPerMinute: 600 })).secret;
  });

  it('answers each dossier: good ones created, bad ones refused with their problems', async () => {
    const good = [dossier(), dossier({ wardCode: world.wardA2 })];
    const badPhone = dossier({ phone: '12345' });
    const unknownWard = dossier({ wardCode: '99999' });
    const inPerson = dossier({ procedureCode: world.inPerson.code });
    const before = await tableCounts();
    const res = await send(secretA, {
      results: [good[0], badPhone, unknownWard, good[1], inPerson],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 3 });
    expect(res.body.importId).toEqual(expect.any(String));
    const items = res.body.items as Item[];
    expect(items.map((i) => [i.index, i.outcome])).toEqual([
      [0, 'created'],
      [1, 'refused'],
      [2, 'refused'],
      [3, 'created'],
      [4, 'refused'],
    ]);
    expect(items[1]!.problems.map((p) => p.field)).toContain('phone');
    expect(items[2]!.problems.map((p) => p.field)).toContain('wardCode');
    expect(items[4]!.problems.map((p) => p.code)).toContain('procedure_in_person_only');
    for (const p of items.flatMap((i) => i.problems)) {
      expect(p.message.vi.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
    expect(items[0]!.unitId).toBe(org.unitA.id);
    const after = await tableCounts();
    expect(after.jobs - before.jobs).toBe(2);
    expect(after.imports - before.imports).toBe(1);
    const [rec] = await rows<{ source: string; api_key_id: string | null; refused: number }>(
      sql`select source, api_key_id, refused from result_imports where id = ${res.body.importId}`,
    );
    expect(rec).toMatchObject({ source: 'api', refused: 3 });
    expect(rec!.api_key_id).not.toBeNull();
  });

  it('is idempotent by dossier code: the same batch again is all unchanged, no job twice', async () => {
    const batch = { results: [dossier(), dossier(), dossier()] };
    const first = await send(secretA, batch);
    expect(first.body.counts.created).toBe(3);
    const before = await tableCounts();
    const second = await send(secretA, batch);
    expect(second.status).toBe(200);
    expect(second.body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
    expect((await tableCounts()).jobs).toBe(before.jobs);
    // A changed address is an update that names the field.
    const moved = { ...batch.results[1]!, addressText: '99 Đường Phạm Văn Thuận' };
    const third = await send(secretA, { results: [moved] });
    expect((third.body.items as Item[])[0]).toMatchObject({ outcome: 'updated' });
    expect((third.body.items as Item[])[0]!.changes).toContain('addressText');
    const [n] = await rows<{ n: number }>(
      sql`select count(*)::int as n from jobs where dossier_code = ${batch.results[1]!.dossierCode}`,
    );
    expect(n!.n).toBe(1);
  });

  it('replays the first answer for the same Idempotency-Key, and refuses the key on another batch', async () => {
    const batch = { results: [dossier()] };
    const idem = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await send(secretA, batch, idem);
    expect(first.body.counts.created).toBe(1);
    const replay = await send(secretA, batch, idem);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const reused = await send(secretA, { results: [dossier()] }, idem);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it("scopes rows to the key's unit: a ward of another post office is refused per item", async () => {
    const forB = dossier({ wardCode: world.wardB });
    const res = await send(secretA, { results: [forB, dossier()] });
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    expect(items[0]!.outcome).toBe('refused');
    expect(items[0]!.problems.map((p) => p.code)).toContain('ward_outside_your_unit');
    expect(items[1]!.outcome).toBe('created');
    // A province key sends it to the ward's own post office.
    const wide = await send(secretProvince, { results: [forB] });
    expect((wide.body.items as Item[])[0]).toMatchObject({
      outcome: 'created',
      unitId: org.unitB.id,
    });
  });

  it('refuses a malformed batch with 400 invalid_batch and writes nothing', async () => {
    const before = await tableCounts();
    const many = Array.from({ length: 1001 }, () => dossier());
    const cases: [string, unknown][] = [
      ['1001 items', { results: many }],
      ['results not an array', { results: { a: dossier() } }],
      ['no results', {}],
      ['empty', { results: [] }],
      ['an item that is a string', { results: [dossier(), 'H48.19.10-260315-0001'] }],
      ['an item that is null', { results: [null] }],
      ['a top-level array', [dossier()]],
    ];
    for (const [label, body] of cases) {
      const res = await send(secretA, body);
      expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.body.error.code, label).toBe('invalid_batch');
    }
    const text = await send(secretA, '{"results": [').set('Content-Type', 'application/json');
    expect(text.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it('takes a full batch of 1,000 dossiers in one request', async () => {
    const results = Array.from({ length: 1000 }, () => dossier({ notes: 'Giao giờ hành chính' }));
    const res = await send(secretA, { results });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.body.counts.created).toBe(1000);
  });
});
