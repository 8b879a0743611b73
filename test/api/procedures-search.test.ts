import { foldVietnamese } from '@tannha/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../server/src/db/schema';
import { DEMO_PROCEDURES } from '../../server/src/demo/demo-procedures';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let agent: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  t = await buildTestApp();
  const org = await createOrgFixture(t.database.db);
  // The whole sample catalogue, so "first" means first among many similar names.
  await t.database.db
    .insert(procedures)
    .values(
      DEMO_PROCEDURES.map((p) => ({ ...p, inPersonOnly: p.inPersonOnly ?? false, sample: true })),
    );
  agent = await loginAs(t.app, org.inA.operator.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

async function first(q: string) {
  const res = await agent.get('/api/procedures').query({ q });
  expect(res.status).toBe(200);
  expect(res.body.items.length, `no result for "${q}"`).toBeGreaterThan(0);
  return res.body.items[0] as {
    name: string;
    field: string;
    feeVnd: number;
    postalChargeVnd: number;
    processingDays: number;
    requiredPapers: string[];
    agency: string;
    inPersonOnly: boolean;
  };
}

describe('GET /api/procedures?q= (operator catalogue search)', () => {
  it('finds "Cấp Phiếu lý lịch tư pháp" first for "ly lich tu phap", with what the operator must tell the caller', async () => {
    const p = await first('ly lich tu phap');
    expect(p.name).toMatch(/^Cấp Phiếu lý lịch tư pháp/);
    expect(p.feeVnd).toBe(200_000);
    expect(p.postalChargeVnd).toBeGreaterThan(0);
    expect(p.processingDays).toBe(10);
    expect(p.requiredPapers.length).toBeGreaterThan(0);
    expect(p.agency).toBeTruthy();
    expect(p.inPersonOnly).toBe(false);
  });

  it('finds a driving-licence procedure first for "giay phep lai xe"', async () => {
    const p = await first('giay phep lai xe');
    expect(p.field).toBe('Giấy phép lái xe');
    expect(foldVietnamese(p.name)).toContain('giay phep lai xe');
  });

  it('finds "Đăng ký kết hôn" first for "dang ky ket hon", marked as in person only', async () => {
    const p = await first('dang ky ket hon');
    expect(p.name).toBe('Đăng ký kết hôn');
    expect(p.inPersonOnly).toBe(true);
  });

  it('tolerates typos and word order', async () => {
    expect((await first('ly lich tu phapp')).name).toMatch(/lý lịch tư pháp/);
    expect((await first('giay phep lai xee')).field).toBe('Giấy phép lái xe');
    expect((await first('ket hon dang ky')).name).toBe('Đăng ký kết hôn');
  });
});

describe('GET /api/procedures?q= with the abbreviations callers use', () => {
  async function names(q: string) {
    const res = await agent.get('/api/procedures').query({ q });
    expect(res.status).toBe(200);
    return (res.body.items as { name: string; field: string }[]).map((p) => p.name);
  }

  it('"GPLX" finds the driving-licence procedures, and only those first', async () => {
    const found = await names('GPLX');
    const licences = DEMO_PROCEDURES.filter((p) => p.field === 'Giấy phép lái xe').map(
      (p) => p.name,
    );
    expect(licences.length).toBeGreaterThan(1);
    expect(new Set(found.slice(0, licences.length))).toEqual(new Set(licences));
  });

  it('"lltp so 2" finds "Cấp Phiếu lý lịch tư pháp số 2" first', async () => {
    expect((await names('lltp so 2'))[0]).toBe('Cấp Phiếu lý lịch tư pháp số 2 cho cá nhân');
    expect((await names('LLTP'))[0]).toMatch(/lý lịch tư pháp/);
  });

  it('reads CCCD, GCN QSDĐ, ĐKKD, HKD, KS and KH', async () => {
    expect((await first('CCCD')).field).toBe('Căn cước');
    expect((await first('cấp đổi GCN QSDĐ')).name).toBe(
      'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
    );
    expect(foldVietnamese((await first('ĐKKD hộ')).name)).toContain('ho kinh doanh');
    expect((await first('HKD')).field).toBe('Hộ kinh doanh');
    expect((await first('dang ky KS')).name).toBe('Đăng ký khai sinh');
    expect((await first('dang ky KH')).name).toBe('Đăng ký kết hôn');
  });
});
