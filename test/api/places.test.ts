import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import type { Db } from '../../server/src/db/client';
import { buildTestApp, loginAs } from '../support/app';
import { createCitizen, createUser, TEST_PASSWORD } from '../support/factories';
import { startFakeGeocoder } from '../support/fake-geocoder';
import { createJobsFixture, jobBody } from '../support/jobs-factories';
import { buildAppWith } from '../support/org-app';
import {
  OTHER_PROVINCE_WARD,
  WARDS,
  seedWards,
  servedBy,
  serveWards,
} from '../support/places-factories';

/**
 * Places: the province's wards, the post offices' service areas, a job's office from its
 * ward, the pin with its source and audit, the list of jobs with no place, the geocoder.
 */
const { t, f, agents } = await buildAppWith(
  async (db) => {
    const fx = await createJobsFixture(db);
    await seedWards(db);
    // Trấn Biên and Biên Hoà: unit A; Long Bình: unit B; Tam Hiệp and Xuân Quế: nobody yet.
    await serveWards(db, fx.unitA.id, [WARDS.tranBien.code, WARDS.bienHoa.code]);
    await serveWards(db, fx.unitB.id, [WARDS.longBinh.code]);
    return {
      ...fx,
      provinceAdmin: await createUser(db, 'admin', fx.province.id),
      provinceOperator: await createUser(db, 'operator', fx.province.id),
      adminB: await createUser(db, 'admin', fx.unitB.id),
    };
  },
  (fx) => ({
    operator: fx.inA.operator,
    dispatcher: fx.inA.dispatcher,
    courier: fx.courier1,
    admin: fx.provinceAdmin,
    adminB: fx.adminB,
    dispatcherB: fx.dispatcherB,
    manager: fx.provinceManager,
    hotline: fx.provinceOperator,
  }),
);
const db = t.database.db;
afterAll(() => t.close());

async function one<T>(q: ReturnType<typeof sql>): Promise<T | undefined> {
  const r = (await db.execute(q)) as unknown as { rows: T[] };
  return r.rows[0];
}

const newJob = (over: Record<string, unknown>) =>
  jobBody(f, { lat: undefined, lng: undefined, ...over });

describe('GET /api/places/wards', () => {
  it('finds wards typed without diacritics or in capitals, with the office serving each', async () => {
    const res = await agents.operator.get('/api/places/wards').query({ q: 'TRAN bien' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toEqual([
      {
        code: WARDS.tranBien.code,
        name: 'Trấn Biên',
        fullName: 'Phường Trấn Biên',
        kind: 'Phường',
        office: { id: f.unitA.id, name: f.unitA.name },
      },
    ]);
    const unserved = await agents.courier.get('/api/places/wards').query({ q: 'xuan que' });
    expect(unserved.status, unserved.text).toBe(200);
    expect(unserved.body.items[0]).toMatchObject({ code: WARDS.xuanQue.code, office: null });
  });

  it('offers only the wards of the configured province, first by name when nothing is typed', async () => {
    const other = await agents.operator.get('/api/places/wards').query({ q: 'ben thanh' });
    expect(other.body.items).toEqual([]);
    const all = await agents.operator.get('/api/places/wards').query({ limit: 3 });
    expect(all.body.items.map((w: { name: string }) => w.name)).toEqual([
      'Biên Hoà',
      'Long Bình',
      'Tam Hiệp',
    ]);
  });

  it('tells which office serves a ward', async () => {
    const res = await agents.operator
      .get('/api/places/office-for-ward')
      .query({ wardCode: WARDS.longBinh.code });
    expect(res.body).toEqual({ office: { id: f.unitB.id, name: f.unitB.name } });
  });
});

describe('service areas', () => {
  it('lists every post office of the admin, also one serving no ward; managers read it too', async () => {
    const res = await agents.manager.get('/api/admin/service-areas');
    expect(res.status, res.text).toBe(200);
    const byId = new Map(res.body.items.map((i: { unit: { id: string } }) => [i.unit.id, i]));
    expect(byId.get(f.unitB.id)).toMatchObject({
      wards: [{ code: WARDS.longBinh.code, fullName: 'Phường Long Bình' }],
    });
    expect(byId.has(f.province.id)).toBe(false);
    const dispatcher = await agents.dispatcher.get('/api/admin/service-areas');
    expect(dispatcher.status).toBe(403);
  });

  it('refuses a ward another office serves with 409 naming the ward and the office, and moves it when asked', async () => {
    const url = `/api/admin/units/${f.unitA.id}/service-wards`;
    const wardCodes = [WARDS.tranBien.code, WARDS.longBinh.code];
    const refused = await agents.admin.put(url).send({ wardCodes });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error.code).toBe('ward_served_elsewhere');
    expect(refused.body.error.message).toContain('Phường Long Bình');
    expect(refused.body.error.message).toContain(f.unitB.name);
    // Nothing changed: Biên Hoà still served by A, Long Bình by B.
    expect(await servedBy(db, f.unitA.id)).toEqual([WARDS.tranBien.code, WARDS.bienHoa.code]);

    const moved = await agents.admin.put(url).send({ wardCodes, move: true });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.wards.map((w: { code: string }) => w.code).sort()).toEqual(
      [...wardCodes].sort(),
    );
    expect(await servedBy(db, f.unitB.id)).toEqual([]);
    const audit = await one<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'service_areas.update' and entity_id = ${f.unitA.id}`,
    );
    expect(audit?.n).toBe(1);
    // Back as it was for the other tests.
    await agents.admin
      .put(url)
      .send({ wardCodes: [WARDS.tranBien.code, WARDS.bienHoa.code] })
      .expect(200);
    await agents.admin
      .put(`/api/admin/units/${f.unitB.id}/service-wards`)
      .send({ wardCodes: [WARDS.longBinh.code] })
      .expect(200);
  });

  it('refuses an unknown ward or one of another province with 422 naming it, writing nothing', async () => {
    const url = `/api/admin/units/${f.unitB.id}/service-wards`;
    const res = await agents.admin
      .put(url)
      .send({ wardCodes: [WARDS.tamHiep.code, '99999', OTHER_PROVINCE_WARD.code] });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('ward_unknown');
    expect(res.body.error.message).toContain('99999');
    expect(res.body.error.message).toContain(OTHER_PROVINCE_WARD.code);
    expect(res.body.error.fields).toHaveProperty('wardCodes.1');
    expect(await servedBy(db, f.unitB.id)).toEqual([WARDS.longBinh.code]);
  });

  it("refuses non-admins and an admin of a sibling office on another office's area", async () => {
    const url = `/api/admin/units/${f.unitA.id}/service-wards`;
    const body = { wardCodes: [WARDS.tamHiep.code] };
    expect((await agents.dispatcher.put(url).send(body)).status).toBe(403);
    expect((await agents.manager.put(url).send(body)).status).toBe(403);
    expect((await agents.adminB.put(url).send(body)).status).toBe(403);
    // An office admin may not pull a ward out of a sibling's area either.
    const grab = await agents.adminB
      .put(`/api/admin/units/${f.unitB.id}/service-wards`)
      .send({ wardCodes: [WARDS.longBinh.code, WARDS.tranBien.code], move: true });
    expect(grab.status, grab.text).toBe(403);
    expect(await servedBy(db, f.unitA.id)).toEqual([WARDS.tranBien.code, WARDS.bienHoa.code]);
  });
});

describe('POST /api/jobs with a ward', () => {
  it('gives the job to the post office serving its ward when no office is chosen', async () => {
    const res = await agents.hotline
      .post('/api/jobs')
      .send(newJob({ unitId: undefined, wardCode: WARDS.longBinh.code }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ unitId: f.unitB.id, wardCode: WARDS.longBinh.code });
  });

  it('needs a reason to choose another office than the ward’s, and keeps it', async () => {
    const body = newJob({ unitId: f.unitA.id, wardCode: WARDS.longBinh.code });
    const refused = await agents.hotline.post('/api/jobs').send(body);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('unit_override_reason_required');
    expect(refused.body.error.fields).toHaveProperty('unitOverrideReason');
    const reason = 'Công dân hẹn nhận tại cơ quan gần bưu cục A';
    const ok = await agents.hotline.post('/api/jobs').send({ ...body, unitOverrideReason: reason });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.unitId).toBe(f.unitA.id);
    const row = await one<{ r: string }>(
      sql`select unit_override_reason as r from jobs where id = ${ok.body.id}`,
    );
    expect(row?.r).toBe(reason);
  });

  it('refuses a ward no office serves (without an office) and a ward outside the province', async () => {
    const unserved = await agents.hotline
      .post('/api/jobs')
      .send(newJob({ unitId: undefined, wardCode: WARDS.xuanQue.code }));
    expect(unserved.status, unserved.text).toBe(422);
    expect(unserved.body.error.code).toBe('ward_not_served');
    const other = await agents.hotline
      .post('/api/jobs')
      .send(newJob({ unitId: f.unitA.id, wardCode: OTHER_PROVINCE_WARD.code }));
    expect(other.status, other.text).toBe(422);
    expect(other.body.error.code).toBe('ward_unknown');
    const neither = await agents.hotline.post('/api/jobs').send(newJob({ unitId: undefined }));
    expect(neither.status, neither.text).toBe(400);
  });

  it("keeps the address, ward and pin on the citizen's card with where the pin came from", async () => {
    const citizen = await createCitizen(db, { unitId: f.unitA.id });
    const res = await agents.operator.post('/api/jobs').send(
      jobBody(
        { ...f, citizen },
        {
          unitId: undefined,
          wardCode: WARDS.tranBien.code,
          addressText: '12 Phan Chu Trinh, phường Trấn Biên',
          lat: 10.95,
          lng: 106.82,
          locationSource: 'geocoded',
          saveAddress: true,
        },
      ),
    );
    expect(res.status, res.text).toBe(201);
    const saved = await one<{ ward_code: string; lat: number; location_source: string }>(
      sql`select ward_code, lat, location_source from citizen_addresses where citizen_id = ${citizen.id}`,
    );
    expect(saved).toEqual({
      ward_code: WARDS.tranBien.code,
      lat: 10.95,
      location_source: 'geocoded',
    });
  });
});

describe('PUT /api/jobs/:id/location and the unplaced list', () => {
  async function unplacedJob(db: Db) {
    const citizen = await createCitizen(db, { unitId: f.unitA.id });
    const res = await agents.operator
      .post('/api/jobs')
      .send(
        jobBody(
          { ...f, citizen },
          { lat: undefined, lng: undefined, addressText: '5 Võ Thị Sáu, phường Trấn Biên' },
        ),
      );
    expect(res.status, res.text).toBe(201);
    return { job: res.body as { id: string; code: string }, citizen };
  }

  const unplacedCodes = async () => {
    const res = await agents.dispatcher.get('/api/jobs/unplaced');
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((j: { code: string }) => j.code) as string[];
  };

  it('lists a job with no position until it is pinned; the pin keeps its source and a located event with from and to', async () => {
    const { job } = await unplacedJob(db);
    expect(await unplacedCodes()).toContain(job.code);
    const res = await agents.dispatcher
      .put(`/api/jobs/${job.id}/location`)
      .send({ lat: 10.9521, lng: 106.8231, source: 'pinned', reason: 'Ghim theo lời công dân' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: job.id,
      lat: 10.9521,
      lng: 106.8231,
      locationSource: 'pinned',
      officeForWard: null,
    });
    expect(await unplacedCodes()).not.toContain(job.code);
    const events = await agents.dispatcher.get(`/api/jobs/${job.id}/events`);
    const located = events.body.items.find((e: { kind: string }) => e.kind === 'located');
    expect(located).toMatchObject({
      reason: 'Ghim theo lời công dân',
      data: {
        from: { lat: null, lng: null, source: null, addressText: '5 Võ Thị Sáu, phường Trấn Biên' },
        to: { lat: 10.9521, lng: 106.8231, source: 'pinned' },
      },
    });
  });

  it("corrects the address and ward, updates the citizen's saved address when asked, and never moves the job to the ward's office", async () => {
    const { job, citizen } = await unplacedJob(db);
    await db.execute(
      sql`insert into citizen_addresses (citizen_id, label, address_text) values (${citizen.id}, 'Nhà', '5 Võ Thị Sáu, phường Trấn Biên')`,
    );
    const res = await agents.operator.put(`/api/jobs/${job.id}/location`).send({
      lat: 10.9381,
      lng: 106.8894,
      source: 'geocoded',
      addressText: '15 Bùi Văn Hòa, phường Long Bình',
      wardCode: WARDS.longBinh.code,
      updateCitizenAddress: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      unitId: f.unitA.id,
      addressText: '15 Bùi Văn Hòa, phường Long Bình',
      wardCode: WARDS.longBinh.code,
      officeForWard: { id: f.unitB.id, name: f.unitB.name },
    });
    const saved = (await db.execute(
      sql`select address_text, ward_code, lat, location_source from citizen_addresses where citizen_id = ${citizen.id}`,
    )) as unknown as { rows: unknown[] };
    expect(saved.rows).toEqual([
      {
        address_text: '15 Bùi Văn Hòa, phường Long Bình',
        ward_code: WARDS.longBinh.code,
        lat: 10.9381,
        location_source: 'geocoded',
      },
    ]);
  });

  it('refuses a sibling office, a courier, an unknown ward and a finished job, changing nothing', async () => {
    const { job } = await unplacedJob(db);
    const pin = { lat: 10.95, lng: 106.82, source: 'pinned' };
    const url = `/api/jobs/${job.id}/location`;
    expect((await agents.dispatcherB.put(url).send(pin)).status).toBe(403);
    expect((await agents.courier.put(url).send(pin)).status).toBe(403);
    const unknown = await agents.dispatcher.put(url).send({ ...pin, wardCode: '99999' });
    expect(unknown.status, unknown.text).toBe(422);
    expect(unknown.body.error.code).toBe('ward_unknown');
    expect(await unplacedCodes()).toContain(job.code);
    await db.execute(sql`update jobs set status = 'cancelled' where id = ${job.id}`);
    const finished = await agents.dispatcher.put(url).send(pin);
    expect(finished.status, finished.text).toBe(409);
    expect(finished.body.error.code).toBe('job_finished');
    const row = await one<{ lat: number | null }>(sql`select lat from jobs where id = ${job.id}`);
    expect(row?.lat).toBeNull();
  });

  it("shows a sibling office none of another office's unplaced jobs", async () => {
    const { job } = await unplacedJob(db);
    const mine = await agents.dispatcherB.get('/api/jobs/unplaced');
    expect(mine.body.items.map((j: { code: string }) => j.code)).not.toContain(job.code);
    const aimed = await agents.dispatcherB.get('/api/jobs/unplaced').query({ unitId: f.unitA.id });
    expect(aimed.status).toBe(403);
  });
});

describe('GET /api/places/geocode', () => {
  it('says no geocoder is configured when GEOCODER_URL is unset', async () => {
    const res = await agents.operator.get('/api/places/geocode').query({ q: '96 Cách Mạng' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ configured: false, items: [] });
    const config = await agents.operator.get('/api/config');
    expect(config.body.geocoder).toBe(false);
  });

  it("offers the geocoder's suggestions, asking it for Vietnam, in Vietnamese, naming the app; a failing or slow one is unavailable, never a 500", async () => {
    const geo = await startFakeGeocoder({ delayMs: 4000 });
    const app = await buildTestApp({ GEOCODER_URL: geo.url });
    try {
      const fx = await createJobsFixture(app.database.db);
      const agent = await loginAs(app.app, fx.inA.operator.username, TEST_PASSWORD);
      const ask = () => agent.get('/api/places/geocode').query({ q: '96 cach mang thang tam' });
      const res = await ask();
      expect(res.status, res.text).toBe(200);
      expect(res.body.configured).toBe(true);
      expect(res.body.items[0]).toEqual({
        label: '96, Cách Mạng Tháng Tám, Phường Trấn Biên, Đồng Nai, Việt Nam',
        lat: 10.9512,
        lng: 106.8226,
      });
      const sent = geo.requests[0]!;
      expect(sent.path).toBe('/search');
      expect(Object.fromEntries(sent.query)).toMatchObject({
        format: 'jsonv2',
        countrycodes: 'vn',
        limit: '5',
        'accept-language': 'vi',
      });
      expect(sent.headers['user-agent']).toMatch(/TanNha1022/);
      expect((await agent.get('/api/config')).body.geocoder).toBe(true);
      for (const mode of ['error', 'slow'] as const) {
        geo.setMode(mode);
        const down = await ask();
        expect(down.status, `${mode}: ${down.text}`).toBe(200);
        expect(down.body).toEqual({ configured: true, unavailable: true, items: [] });
      }
    } finally {
      await geo.close();
      await app.close();
    }
  }, 60_000);

  it('throttles each user', async () => {
    const answers = [];
    for (let i = 0; i < 31; i++)
      answers.push((await agents.dispatcher.get('/api/places/geocode').query({ q: 'abc' })).status);
    expect(answers.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(answers[30]).toBe(429);
  });
});

describe('GEOCODER_URL', () => {
  it('must be an http(s) URL, said by name at start-up', () => {
    const env = { NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-geo-')) };
    expect(() => loadConfig({ ...env, GEOCODER_URL: 'nominatim.local' })).toThrow(/GEOCODER_URL/);
    expect(() => loadConfig({ ...env, GEOCODER_URL: 'ftp://geo.example.vn' })).toThrow(
      /GEOCODER_URL/,
    );
    expect(loadConfig({ ...env, GEOCODER_URL: 'https://geo.example.vn' }).geocoderUrl).toBe(
      'https://geo.example.vn',
    );
  });
});

describe('anonymous callers', () => {
  it('get 401 from the ward look-up', async () => {
    expect((await request(t.app).get('/api/places/wards')).status).toBe(401);
  });
});
