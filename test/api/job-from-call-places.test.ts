import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCitizen } from '../support/calls-factories';
import { createOrgFixture, createUser } from '../support/factories';
import { buildAppWith } from '../support/org-app';
import { seedWards, serveWards, WARDS } from '../support/places-factories';

/**
 * The operator's job form (`POST /api/calls/:id/jobs`) speaks places: the ward's office, an
 * office chosen with a reason, the pin's source, and the address kept with it on the caller's card.
 */
const { t, f, agents } = await buildAppWith(
  async (db) => {
    const org = await createOrgFixture(db);
    await seedWards(db);
    await serveWards(db, org.unitA.id, [WARDS.tranBien.code]);
    await serveWards(db, org.unitB.id, [WARDS.longBinh.code]);
    return { ...org, hotline: await createUser(db, 'operator', org.province.id) };
  },
  (fx) => ({ hotline: fx.hotline }),
);
const db = t.database.db;
afterAll(() => t.close());

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** A call from a known caller, logged by the province's hotline operator. */
async function callFrom(citizen: { phone: string }) {
  const res = await agents.hotline
    .post('/api/calls')
    .send({ callerPhone: citizen.phone, category: 'pickup_request' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe('POST /api/calls/:id/jobs with a ward and a pin', () => {
  it('keeps the pin’s source on the job and, asked to, on the caller’s saved address with its ward', async () => {
    const citizen = await createCitizen(db);
    const call = await callFrom(citizen);
    const res = await agents.hotline.post(`/api/calls/${call.id}/jobs`).send({
      type: 'home_assistance',
      unitId: f.unitA.id,
      wardCode: WARDS.tranBien.code,
      addressText: '25 Hùng Vương, Phường Trấn Biên',
      lat: 10.9512,
      lng: 106.8213,
      locationSource: 'geocoded',
      saveAddress: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [job] = await rows<{ unit_id: string; location_source: string; ward_code: string }>(
      sql`select unit_id, location_source, ward_code from jobs where id = ${res.body.job.id}`,
    );
    expect(job).toEqual({
      unit_id: f.unitA.id,
      location_source: 'geocoded',
      ward_code: WARDS.tranBien.code,
    });
    const saved = await rows<{ ward_code: string; lat: number; location_source: string }>(
      sql`select ward_code, lat, location_source from citizen_addresses
          where citizen_id = ${citizen.id} and address_text = '25 Hùng Vương, Phường Trấn Biên'`,
    );
    expect(saved).toEqual([
      { ward_code: WARDS.tranBien.code, lat: 10.9512, location_source: 'geocoded' },
    ]);
  });

  it('sends the job to another office than the ward’s only with a reason, writing nothing without one', async () => {
    const citizen = await createCitizen(db);
    const call = await callFrom(citizen);
    const body = {
      type: 'home_assistance',
      unitId: f.unitB.id,
      wardCode: WARDS.tranBien.code,
      addressText: '3 Phan Chu Trinh, Phường Trấn Biên',
    };
    const refused = await agents.hotline
      .post(`/api/calls/${call.id}/jobs`)
      .set('Accept-Language', 'vi')
      .send(body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unit_override_reason_required');
    expect(
      await rows(sql`select id from jobs where citizen_id = ${citizen.id}`),
      'no job from a refused form',
    ).toHaveLength(0);

    const res = await agents.hotline
      .post(`/api/calls/${call.id}/jobs`)
      .send({ ...body, unitOverrideReason: 'Công dân hẹn nhận tại nơi làm việc ở Long Bình' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [job] = await rows<{ unit_id: string; unit_override_reason: string }>(
      sql`select unit_id, unit_override_reason from jobs where id = ${res.body.job.id}`,
    );
    expect(job).toEqual({
      unit_id: f.unitB.id,
      unit_override_reason: 'Công dân hẹn nhận tại nơi làm việc ở Long Bình',
    });
  });
});
