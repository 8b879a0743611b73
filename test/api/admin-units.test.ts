import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/src/db/client';
import { loginAs, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/factories';
import { buildOrgApp, type OrgFixture } from '../support/org-app';

const here = path.dirname(fileURLToPath(import.meta.url));
const SMALL = readFileSync(path.join(here, '../fixtures/vn-units-small.json'));
/** The national list is public data kept outside the repository; the full-size test runs where it is present. */
const NATIONAL = '/work/shared/data/vn-units/vn-units-2026-07-25.json';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => ({ t, org } = await buildOrgApp()));
afterAll(async () => t.close());

const counts = async () =>
  (
    await queryRows<{ p: number; w: number }>(
      t.database.db,
      sql`select (select count(*)::int from admin_provinces) as p, (select count(*)::int from admin_wards) as w`,
    )
  )[0]!;

async function upload(body: Buffer | string, query: Record<string, string> = {}) {
  const agent = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
  return agent
    .post('/api/admin/admin-units/import')
    .query(query)
    .set('Content-Type', 'application/octet-stream')
    .send(Buffer.from(body));
}

describe('POST /api/admin/admin-units/import', () => {
  it('refuses a bad file with the line and field that is wrong, writing nothing', async () => {
    const broken = SMALL.toString('utf8').replace('"Code": "26017"', '"Code": "2601X"');
    const res = await upload(broken);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('admin_units_file_invalid');
    const line = broken.split('\n').findIndex((l) => l.includes('2601X')) + 1;
    expect(res.body.error.message).toContain(`dòng ${line}`);
    expect(res.body.error.message).toContain('[0].Wards[1].Code');
    expect(await counts()).toEqual({ p: 0, w: 0 });
  });

  it('refuses broken JSON with the line of the mistake', async () => {
    const broken = SMALL.toString('utf8').replace('"Name": "Tam Hiệp",', '"Name": "Tam Hiệp"');
    const res = await upload(broken);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(
      `dòng ${broken.split('\n').findIndex((l) => l.includes('Tam Hiệp')) + 1}`,
    );
    expect(await counts()).toEqual({ p: 0, w: 0 });
  });

  it('refuses a ward listed under the wrong province', async () => {
    const res = await upload(
      SMALL.toString('utf8').replace(
        '"ProvinceCode": "79", "AdministrativeUnitShortName": "Xã"',
        '"ProvinceCode": "75", "AdministrativeUnitShortName": "Xã"',
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('[1].Wards[1].ProvinceCode');
    expect(await counts()).toEqual({ p: 0, w: 0 });
  });

  it('refuses a binary upload', async () => {
    const res = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(res.status).toBe(415);
  });

  it('imports the small file, then again without changing anything, and is audited', async () => {
    const first = await upload(SMALL, { fileName: 'vn-units-2026-07-25.json' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      effectiveDate: '2026-07-25',
      provinces: { inserted: 2, updated: 0 },
      wards: { inserted: 5, updated: 0 },
    });
    const second = await upload(SMALL, { fileName: 'vn-units-2026-07-25.json' });
    expect(second.body).toMatchObject({
      provinces: { inserted: 0, updated: 2 },
      wards: { inserted: 0, updated: 5 },
    });
    expect(await counts()).toEqual({ p: 2, w: 5 });
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'admin_units.import'`,
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('serves the wards to address pickers, diacritic-insensitive', async () => {
    const agent = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
    const res = await agent.get('/api/admin-units/wards').query({ q: 'tran bien' });
    expect(res.body.items).toEqual([
      expect.objectContaining({ code: '26041', fullName: 'Phường Trấn Biên', provinceCode: '75' }),
    ]);
  });

  it('is for admins only', async () => {
    const agent = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    const res = await agent
      .post('/api/admin/admin-units/import')
      .set('Content-Type', 'application/octet-stream')
      .send(SMALL);
    expect(res.status).toBe(403);
  });

  it.runIf(existsSync(NATIONAL))(
    'loads all 34 provinces and 3,321 wards of the national list, idempotently',
    async () => {
      const file = readFileSync(NATIONAL);
      const first = await upload(file, { fileName: path.basename(NATIONAL) });
      expect(first.status).toBe(200);
      expect(first.body.provinces.inserted + first.body.provinces.updated).toBe(34);
      expect(first.body.wards.inserted + first.body.wards.updated).toBe(3321);
      const again = await upload(file, { fileName: path.basename(NATIONAL) });
      expect(again.body).toMatchObject({
        provinces: { inserted: 0, updated: 34 },
        wards: { inserted: 0, updated: 3321 },
      });
      // The small fixture's codes are real ones, so they are part of the 34/3,321.
      expect(await counts()).toEqual({ p: 34, w: 3321 });
    },
  );
});
