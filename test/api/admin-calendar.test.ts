import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHolidays } from '@tannha/shared';
import { queryRows } from '../../server/src/db/client';
import { loginAs, type TestApp } from '../support/app';
import { buildOrgAppWithProvinceAdmin, type Agent, type OrgFixture } from '../support/org-app';
import { TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: OrgFixture;
let admin: () => Promise<Agent>;

beforeAll(async () => ({ t, org, asProvinceAdmin: admin } = await buildOrgAppWithProvinceAdmin()));
afterAll(async () => t.close());
const countYear = async (y: number) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from holidays where date between ${`${y}-01-01`}::date and ${`${y}-12-31`}::date`,
    )
  )[0]!.n;

describe('holidays and swapped working days', () => {
  it('fills a year with the statutory days once; running it again adds nothing', async () => {
    const a = await admin();
    const expected = defaultHolidays(2027);
    const first = await a.post('/api/admin/holidays/fill-defaults').send({ year: 2027 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2027, added: expected.length, skipped: 0 });
    const second = await a.post('/api/admin/holidays/fill-defaults').send({ year: 2027 });
    expect(second.body).toMatchObject({ added: 0, skipped: expected.length });
    expect(await countYear(2027)).toBe(expected.length);
    const list = await a.get('/api/admin/holidays').query({ year: 2027 });
    expect(list.body.items.map((h: { date: string }) => h.date)).toEqual(
      expected.map((h) => h.date).sort(),
    );
    const audit = await a
      .get('/api/admin/audit')
      .query({ entityType: 'holiday', entityId: '2027' });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].after.added).toHaveLength(expected.length);
  });

  it('keeps a day the admin already set when filling defaults', async () => {
    const a = await admin();
    const newYear = defaultHolidays(2028).find((h) => h.date === '2028-01-01')!;
    expect(
      (
        await a
          .post('/api/admin/holidays')
          .send({ date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch (sửa tay)' })
      ).status,
    ).toBe(201);
    const res = await a.post('/api/admin/holidays/fill-defaults').send({ year: 2028 });
    expect(res.body.skipped).toBe(1);
    const [row] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from holidays where date = '2028-01-01'`,
    );
    expect(row!.name).toBe('Tết Dương lịch (sửa tay)');
    expect(row!.name).not.toBe(newYear.name);
  });

  it('adds a swapped working day and removes it, both audited; refuses a duplicate', async () => {
    const a = await admin();
    const added = await a
      .post('/api/admin/holidays')
      .send({ date: '2029-04-28', kind: 'working_day', name: 'Làm bù cho 30/4' });
    expect(added.status).toBe(201);
    const dup = await a
      .post('/api/admin/holidays')
      .send({ date: '2029-04-28', kind: 'holiday', name: 'Trùng' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('Làm bù cho 30/4');
    const bad = await a
      .post('/api/admin/holidays')
      .send({ date: '28/04/2029', kind: 'holiday', name: 'Sai định dạng' });
    expect(bad.status).toBe(400);
    expect((await a.delete('/api/admin/holidays/2029-04-28')).status).toBe(200);
    expect((await a.delete('/api/admin/holidays/2029-04-28')).status).toBe(404);
    expect(await countYear(2029)).toBe(0);
    const audit = await a
      .get('/api/admin/audit')
      .query({ entityType: 'holiday', entityId: '2029-04-28' });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'holiday.remove',
      'holiday.add',
    ]);
    expect(audit.body.items[0].before).toEqual({
      date: '2029-04-28',
      kind: 'working_day',
      name: 'Làm bù cho 30/4',
    });
  });

  it('lets only a province admin change the calendar', async () => {
    const poAdmin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    expect(
      (
        await poAdmin
          .post('/api/admin/holidays')
          .send({ date: '2030-01-02', kind: 'holiday', name: 'x' })
      ).status,
    ).toBe(403);
    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    expect((await manager.get('/api/admin/holidays').query({ year: 2027 })).status).toBe(200);
    expect(
      (await manager.post('/api/admin/holidays/fill-defaults').send({ year: 2030 })).status,
    ).toBe(403);
    expect(await countYear(2030)).toBe(0);
  });
});

describe('settings', () => {
  it('lists settings with defaults, saves a valid value with before/after, refuses a bad one', async () => {
    const a = await admin();
    const list = await a.get('/api/admin/settings');
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'job_due_working_days', value: 2, isDefault: true }),
      ]),
    );
    const saved = await a
      .put('/api/admin/settings/postal_leg_days')
      .send({ value: { sameArea: 1, province: 2, majorCities: 3, interProvince: 5 } });
    expect(saved.status).toBe(200);
    const bad = await a.put('/api/admin/settings/job_due_working_days').send({ value: 1.5 });
    expect(bad.status).toBe(400);
    const hours = await a
      .put('/api/admin/settings/office_hours')
      .send({ value: { start: '17:00', end: '07:30' } });
    expect(hours.status).toBe(400);
    expect(hours.body.error.fields).toHaveProperty(['value.end']);
    expect(
      (
        await a.put('/api/admin/settings/payment_bank').send({
          value: { bankBin: '970416', accountNumber: '257678859', accountName: 'BUU DIEN TINH' },
        })
      ).status,
    ).toBe(200);
    expect((await a.put('/api/admin/settings/no_such_key').send({ value: 1 })).status).toBe(404);
    await a.put('/api/admin/settings/job_due_working_days').send({ value: 3 });
    await a.put('/api/admin/settings/job_due_working_days').send({ value: 4 });
    const audit = await a
      .get('/api/admin/audit')
      .query({ entityType: 'setting', entityId: 'job_due_working_days' });
    expect(
      audit.body.items.map((e: { before: unknown; after: unknown }) => [e.before, e.after]),
    ).toEqual([
      [3, 4],
      [null, 3],
    ]);
    const after = await a.get('/api/admin/settings');
    expect(after.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'job_due_working_days', value: 4, isDefault: false }),
      ]),
    );
    const poAdmin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    expect(
      (await poAdmin.put('/api/admin/settings/job_due_working_days').send({ value: 9 })).status,
    ).toBe(403);
  });
});

describe('SMS template preview', () => {
  it('renders the saved template or a draft with sample values, flags unknown variables, hides ID-like numbers', async () => {
    const a = await admin();
    const saved = await a.post('/api/admin/sms/preview').send({ key: 'job_created' });
    expect(saved.status).toBe(200);
    expect(saved.body.text).toContain('TN-261122-0042');
    expect(saved.body.text).not.toMatch(/\{\w+\}/);
    expect(saved.body).toMatchObject({ encoding: 'ucs2', unknownVars: [] });
    const draft = await a
      .post('/api/admin/sms/preview')
      .send({ body: 'Ma {code} cua {hoTen} 012345678901' });
    expect(draft.body.text).toBe('Ma TN-261122-0042 cua [đã ẩn]');
    expect(draft.body.unknownVars).toEqual(['hoTen']);
    const ascii = await a.post('/api/admin/sms/preview').send({ body: 'Ma {code}' });
    expect(ascii.body).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect((await a.post('/api/admin/sms/preview').send({ key: 'nope' })).status).toBe(404);
  });
});
