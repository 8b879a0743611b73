import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/src/db/client';
import { loginAs, type TestApp } from '../support/app';
import { buildOrgAppWithProvinceAdmin, type Agent, type OrgFixture } from '../support/org-app';
import { createProcedure, TEST_PASSWORD } from '../support/factories';
import { storedZip, workbookOf } from '../support/xlsx-files';

let t: TestApp;
let org: OrgFixture;
let admin: () => Promise<Agent>;

beforeAll(async () => ({ t, org, asProvinceAdmin: admin } = await buildOrgAppWithProvinceAdmin()));
afterAll(async () => t.close());
const upload = async (body: string, fileName = 'danh-muc.csv') =>
  (await admin())
    .post('/api/admin/procedures/import')
    .query({ fileName })
    .set('Content-Type', 'text/csv')
    .send(Buffer.from(body, 'utf8'));
const byCode = async (code: string) =>
  (
    await queryRows<{
      name: string;
      fee_vnd: number;
      processing_days: number;
      active: boolean;
      postal_charge_vnd: number;
      required_papers: string[];
    }>(
      t.database.db,
      sql`select name, fee_vnd::int as fee_vnd, processing_days, active, postal_charge_vnd::int as postal_charge_vnd, required_papers from procedures where code = ${code}`,
    )
  )[0];
const countProcedures = async () =>
  (
    await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from procedures`)
  )[0]!.n;

describe('procedure catalogue import', () => {
  it('imports a CSV with Vietnamese headers, then upserts by code from one with English headers', async () => {
    const existing = await createProcedure(t.database.db, {
      code: '1.001',
      name: 'Tên cũ',
      feeVnd: 10_000,
    });
    const csv = [
      'Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Lĩnh vực;Số ngày xử lý;Phí lệ phí;Cước bưu chính;Thành phần hồ sơ',
      '1.001;"Cấp bản sao trích lục hộ tịch";UBND cấp xã;Hộ tịch;1;8.000;26.000;Tờ khai|CCCD',
      '1.002;"Đăng ký khai sinh; có ""dấu ngoặc"" trong tên";UBND cấp xã;Hộ tịch;3;0;20000 ₫;',
    ].join('\r\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 2, inserted: 1, updated: 1, unchanged: 0 });
    expect(await byCode('1.001')).toMatchObject({
      name: 'Cấp bản sao trích lục hộ tịch',
      fee_vnd: 8000,
      postal_charge_vnd: 26000,
      required_papers: ['Tờ khai', 'CCCD'],
    });
    expect(await byCode('1.002')).toMatchObject({
      name: 'Đăng ký khai sinh; có "dấu ngoặc" trong tên',
      processing_days: 3,
      fee_vnd: 0,
      postal_charge_vnd: 20000,
    });

    const english = [
      'code,name,agency,field,processingDays,fee',
      '1.002,Đăng ký khai sinh,UBND cấp xã,Hộ tịch,5,0',
    ].join('\n');
    const again = await upload(english, 'catalogue.csv');
    expect(again.body).toEqual({ total: 1, inserted: 0, updated: 1, unchanged: 0 });
    // Columns the file leaves out keep their values.
    expect(await byCode('1.002')).toMatchObject({
      name: 'Đăng ký khai sinh',
      processing_days: 5,
      postal_charge_vnd: 20000,
    });
    expect((await upload(english, 'catalogue.csv')).body).toMatchObject({
      updated: 0,
      unchanged: 1,
    });

    const audit = await (
      await admin()
    )
      .get('/api/admin/audit')
      .query({ entityType: 'procedure', entityId: existing.id });
    expect(audit.body.items[0]).toMatchObject({
      action: 'procedure.import',
      before: { name: 'Tên cũ', feeVnd: 10_000 },
      after: { name: 'Cấp bản sao trích lục hộ tịch', feeVnd: 8000 },
    });
  });

  it('refuses a bad file with every line and field that is wrong, writing nothing', async () => {
    const before = await countProcedures();
    const csv = [
      'Mã thủ tục,Tên thủ tục,Cơ quan,Lĩnh vực,Số ngày xử lý,Phí',
      '2.001,Thủ tục tốt,Sở Tư pháp,Tư pháp,5,100.000',
      '2.002,,Sở Tư pháp,Tư pháp,5,100.000',
      '2.003,Phí âm,Sở Tư pháp,Tư pháp,5,-5000',
      '2.004,Ngày lẻ,Sở Tư pháp,Tư pháp,2.5,0',
      '2.001,Trùng mã,Sở Tư pháp,Tư pháp,1,0',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('procedures_file_invalid');
    expect(
      res.body.error.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
    ).toEqual([
      [3, 'name'],
      [4, 'feeVnd'],
      [5, 'processingDays'],
      [6, 'code'],
    ]);
    expect(res.body.error.message).toContain('dòng 3');
    expect(await countProcedures()).toBe(before);
    expect(await byCode('2.001')).toBeUndefined();
  });

  it('refuses a CSV without a required column, naming it', async () => {
    const res = await upload(
      'Mã thủ tục,Tên thủ tục,Lĩnh vực,Số ngày xử lý,Phí\n3.001,Tên,Hộ tịch,1,0',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.errors).toEqual([expect.objectContaining({ line: 1, field: 'agency' })]);
  });

  it('imports JSON, and reports the line of a bad object', async () => {
    const good = JSON.stringify(
      [
        {
          code: '4.001',
          name: 'Thủ tục JSON',
          agency: 'Sở Y tế',
          field: 'Y tế',
          processingDays: 10,
          feeVnd: 200000,
          inPersonOnly: true,
        },
      ],
      null,
      2,
    );
    const res = await upload(good, 'danh-muc.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 1 });
    const bad =
      '[\n  { "code": "4.002", "name": "A", "agency": "B", "field": "C", "processingDays": 1, "feeVnd": 0 },\n  { "code": "4.003", "name": "A", "agency": "B", "field": "C", "processingDays": 1.5, "feeVnd": 0 }\n]';
    const refused = await upload(bad, 'x.json');
    expect(refused.status).toBe(422);
    expect(refused.body.error.errors).toEqual([
      expect.objectContaining({ line: 3, field: 'processingDays' }),
    ]);
    expect(await byCode('4.002')).toBeUndefined();
  });

  it('refuses a binary upload and broken JSON with its line, writing nothing', async () => {
    const before = await countProcedures();
    const binary = await (
      await admin()
    )
      .post('/api/admin/procedures/import')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]));
    expect(binary.status).toBe(415);
    const broken = await upload(
      '[\n  { "code": "6.001", "name": "A", "agency": "B", "field": "C", "processingDays": 1, "feeVnd": 0 }\n  { "code": "6.002" }\n]',
      'x.json',
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.errors[0]).toMatchObject({ line: 3, field: 'json' });
    expect(await countProcedures()).toBe(before);
  });

  it('reads the file in the encodings Excel saves: UTF-8 with a BOM and UTF-16 "Unicode Text"', async () => {
    const rows = [
      'Mã thủ tục\tTên thủ tục\tCơ quan thực hiện\tLĩnh vực\tSố ngày xử lý\tPhí lệ phí',
      '7.001\tĐăng ký thường trú\tCông an cấp xã\tCư trú\t7\t0',
    ].join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows, 'utf16le')]);
    const res = await (
      await admin()
    )
      .post('/api/admin/procedures/import')
      .set('Content-Type', 'text/plain')
      .send(utf16);
    expect(res.status).toBe(200);
    expect(await byCode('7.001')).toMatchObject({ name: 'Đăng ký thường trú' });
    const bom = await upload('\uFEFF' + rows.replace('7.001', '7.002'));
    expect(bom.status).toBe(200);
    expect(await byCode('7.002')).toMatchObject({ name: 'Đăng ký thường trú' });
  });

  it('refuses a file in another encoding, or garbled once already, saying how to save it, writing nothing', async () => {
    const before = await countProcedures();
    const csv = 'code;name;agency;field;processingDays;fee\n7.101;Đăng ký;UBND;Hộ tịch;1;0';
    // Windows-1258 writes "Đ" as 0xD0 and "ý" as 0xFD: not UTF-8.
    const cp1258 = Buffer.from(
      csv.replace('Đ', '\u00D0').replace('ý', '\u00FD').replace('ộ', 'o'),
      'latin1',
    );
    // A UTF-8 file opened as Windows-1252 and saved again as UTF-8: "Đăng ký" is now "Ä\u0090Äƒng kÃ½".
    const garbled = Buffer.from(Buffer.from(csv, 'utf8').toString('latin1'), 'utf8');
    for (const body of [cp1258, garbled]) {
      const res = await (
        await admin()
      )
        .post('/api/admin/procedures/import')
        .set('Content-Type', 'text/csv')
        .send(body);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_encoding');
      expect(res.body.error.message).toContain('CSV UTF-8');
    }
    expect(await byCode('7.101')).toBeUndefined();
    expect(await countProcedures()).toBe(before);
  });

  const uploadXlsx = async (body: Buffer) =>
    (await admin())
      .post('/api/admin/procedures/import')
      .query({ fileName: 'danh-muc.xlsx' })
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(body);

  it('imports an .xlsx with the same columns as the CSV, and names the row of a mistake', async () => {
    const header = [
      'Mã thủ tục',
      'Tên thủ tục',
      'Cơ quan thực hiện',
      'Lĩnh vực',
      'Số ngày xử lý',
      'Phí lệ phí',
      'Thành phần hồ sơ',
    ];
    const ok = await uploadXlsx(
      await workbookOf([
        header,
        ['8.001', 'Chứng thực bản sao', 'UBND cấp xã', 'Chứng thực', 1, 2000, 'Bản chính|Bản sao'],
        [
          '8.002',
          { richText: [{ text: 'Đăng ký ' }, { text: 'kết hôn' }] },
          'UBND cấp xã',
          'Hộ tịch',
          5,
          '0',
        ],
      ]),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ total: 2, inserted: 2 });
    expect(await byCode('8.001')).toMatchObject({
      name: 'Chứng thực bản sao',
      fee_vnd: 2000,
      required_papers: ['Bản chính', 'Bản sao'],
    });
    expect(await byCode('8.002')).toMatchObject({ name: 'Đăng ký kết hôn', processing_days: 5 });
    const bad = await uploadXlsx(
      await workbookOf([header, ['8.003', 'A', 'B', 'C', 1, 0], ['8.004', 'A', 'B', 'C', 'ba', 0]]),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.errors[0]).toMatchObject({ line: 3, field: 'processingDays' });
    expect(await byCode('8.003')).toBeUndefined();
  });

  it('refuses a damaged .xlsx and a zip that unpacks past the limit, writing nothing', async () => {
    const before = await countProcedures();
    const damaged = await uploadXlsx(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0xff]));
    expect(damaged.status).toBe(400);
    expect(damaged.body.error.code).toBe('xlsx_invalid');
    // 64 MB of zeros in a few dozen KB, its header claiming 100 bytes.
    const bomb = await uploadXlsx(
      storedZip('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024), 100),
    );
    expect(bomb.status).toBe(413);
    expect(bomb.body.error.code).toBe('xlsx_too_large');
    expect(await countProcedures()).toBe(before);
  });

  it('lets only a province admin change the catalogue; a manager reads it', async () => {
    const poAdmin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    expect(
      (
        await poAdmin
          .post('/api/admin/procedures/import')
          .set('Content-Type', 'text/csv')
          .send('code,name,agency,field,processingDays,fee\n9,a,b,c,1,0')
      ).status,
    ).toBe(403);
    const manager = await loginAs(t.app, org.inA.manager.username, TEST_PASSWORD);
    expect((await manager.get('/api/admin/procedures')).status).toBe(200);
    expect(
      (await manager.post('/api/admin/procedures/import').set('Content-Type', 'text/csv').send('x'))
        .status,
    ).toBe(403);
  });
});

describe('procedure catalogue editing', () => {
  it('creates, edits and deactivates a procedure, each audited with before/after', async () => {
    const a = await admin();
    const created = await a.post('/api/admin/procedures').send({
      code: '5.001',
      name: 'Cấp phiếu lý lịch tư pháp',
      agency: 'Sở Tư pháp',
      field: 'Lý lịch tư pháp',
      processingDays: 10,
      feeVnd: 200_000,
      postalChargeVnd: 26_000,
    });
    expect(created.status).toBe(201);
    expect(
      (
        await a
          .post('/api/admin/procedures')
          .send({ ...created.body, id: undefined, sample: undefined })
      ).status,
    ).toBe(409);
    const neg = await a.patch(`/api/admin/procedures/${created.body.id}`).send({ feeVnd: -1 });
    expect(neg.status).toBe(400);
    const edited = await a
      .patch(`/api/admin/procedures/${created.body.id}`)
      .send({ feeVnd: 250_000 });
    expect(edited.body.feeVnd).toBe(250_000);
    const off = await a.patch(`/api/admin/procedures/${created.body.id}`).send({ active: false });
    expect(off.body.active).toBe(false);
    const visible = await a.get('/api/admin/procedures');
    expect(visible.body.items.map((p: { code: string }) => p.code)).not.toContain('5.001');
    const all = await a
      .get('/api/admin/procedures')
      .query({ includeInactive: 'true', q: 'ly lich' });
    expect(all.body.items.map((p: { code: string }) => p.code)).toContain('5.001');
    const audit = await a
      .get('/api/admin/audit')
      .query({ entityType: 'procedure', entityId: created.body.id });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'procedure.deactivate',
      'procedure.update',
      'procedure.create',
    ]);
    expect(audit.body.items[1]).toMatchObject({
      before: { feeVnd: 200_000 },
      after: { feeVnd: 250_000 },
    });
  });
});

describe('one procedure from the admin form', () => {
  const form = {
    code: '1.013',
    name: 'Cấp đổi giấy phép lái xe',
    agency: 'Sở Xây dựng',
    field: 'Đường bộ',
    processingDays: 5,
    feeVnd: 135_000,
    postalChargeVnd: 26_000,
    requiredPapers: ['Bản chính tờ khai', 'Bản sao CCCD', 'Bản chính GPLX cũ'],
  };

  it('creates one with its papers in order, then edits them: add, remove, reorder', async () => {
    const a = await admin();
    const created = await a.post('/api/admin/procedures').send(form);
    expect(created.status).toBe(201);
    expect(created.body.requiredPapers).toEqual(form.requiredPapers);
    const edited = await a.patch(`/api/admin/procedures/${created.body.id}`).send({
      name: 'Cấp đổi giấy phép lái xe (GPLX)',
      requiredPapers: ['Bản sao CCCD', 'Bản chính tờ khai', 'Ảnh 3x4'],
    });
    expect(edited.status).toBe(200);
    expect(await byCode('1.013')).toMatchObject({
      name: 'Cấp đổi giấy phép lái xe (GPLX)',
      required_papers: ['Bản sao CCCD', 'Bản chính tờ khai', 'Ảnh 3x4'],
    });
  });

  it('names every wrong field in Vietnamese, the paper by its line, and writes nothing', async () => {
    const a = await admin();
    const before = await countProcedures();
    const res = await a
      .post('/api/admin/procedures')
      .set('Accept-Language', 'vi')
      .send({
        ...form,
        code: '1.014',
        name: '   ',
        feeVnd: -5,
        requiredPapers: ['Bản sao CCCD', '', 'bản sao  CCCD'],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({
      name: 'Trường này là bắt buộc.',
      'requiredPapers.1': 'Trường này là bắt buộc.',
      'requiredPapers.2': expect.stringContaining('đã có ở dòng trên'),
    });
    expect(res.body.error.fields.feeVnd).toBeTruthy();
    expect(await countProcedures()).toBe(before);
    const created = await a.post('/api/admin/procedures').send({ ...form, code: '1.015' });
    const dup = await a
      .patch(`/api/admin/procedures/${created.body.id}`)
      .set('Accept-Language', 'en')
      .send({ requiredPapers: ['Bản sao CCCD', 'Bản sao CCCD'] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields['requiredPapers.1']).toContain('already listed');
    expect((await byCode('1.015'))!.required_papers).toEqual(form.requiredPapers);
  });
});
