import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toVnDate, vnStartOfDay } from '@tannha/shared';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { payments } from '../../server/src/db/schema';
import {
  createOrgFixture,
  createProcedure,
  createUnit,
  createUser,
  TEST_PASSWORD,
} from '../support/factories';
import { createCall, createCitizen, createJob, createPayment } from '../support/reports-factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
const today = toVnDate(new Date());
const from = addDays(today, -6);
const JOBS_IN_A = 2105; // more than one page of the streaming reader
const codesInA = new Set<string>();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  org = await createOrgFixture(db);
  const citizen = await createCitizen(db, { phone: '+84912345678' });
  const proc = await createProcedure(db, { name: 'Đăng ký kết hôn; "có yếu tố nước ngoài"' });
  const base = vnStartOfDay(from).getTime();
  // Bulk insert: the export must page through more rows than one read returns.
  const { jobs } = await import('../../server/src/db/schema');
  const rows = Array.from({ length: JOBS_IN_A }, (_, i) => ({
    code: `EX${String(i).padStart(5, '0')}`,
    type: i % 2 ? 'home_assistance' : 'result_delivery',
    status: 'completed',
    unitId: org.unitA.id,
    citizenId: citizen.id,
    procedureId: proc.id,
    addressText: 'Biên Hòa',
    createdAt: new Date(base + (i % 5) * 86_400_000 + i * 1000),
    completedAt: new Date(base + (i % 5) * 86_400_000 + i * 1000 + 3600_000),
    dueDate: addDays(from, (i % 5) + 1),
    feeDueVnd: 100_000,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(jobs).values(rows.slice(i, i + 500));
  for (const r of rows) codesInA.add(r.code);
  await createJob(db, {
    unitId: org.unitB.id,
    citizenId: citizen.id,
    code: 'EXB0001',
    createdAt: new Date(base + 3600_000),
  });
  await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    code: 'EXOLD01',
    createdAt: new Date(base - 3 * 86_400_000),
  });
  await createCall(db, {
    unitId: org.unitA.id,
    startedAt: new Date(base + 9 * 3600_000),
    callerPhone: '+84912345678',
    category: 'feedback',
    outcome: 'forwarded',
  });
  const job = await createJob(db, {
    unitId: org.unitA.id,
    citizenId: citizen.id,
    code: 'EXPAY01',
    createdAt: new Date(base),
  });
  await createPayment(db, {
    jobId: job.id,
    unitId: org.unitA.id,
    collectedBy: org.inA.courier.id,
    flow: 'procedure_fee',
    method: 'cash',
    amountVnd: 150_000,
    occurredAt: new Date(base + 10 * 3600_000),
  });
  codesInA.add('EXPAY01');
});
afterAll(async () => t.close());

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function download(username: string, file: string, query: Record<string, string>) {
  const agent = await loginAs(t.app, username, TEST_PASSWORD);
  return agent.get(`/api/exports/${file}`).query(query).buffer(true).parse(binary);
}

describe('GET /api/exports/*', () => {
  it('streams jobs as an Excel workbook with Vietnamese headers and exactly the rows on screen', async () => {
    const res = await download(org.inA.manager.username, 'jobs.xlsx', { from, to: today });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`cong-viec_${from}_${today}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('Công việc')!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining([
        'Mã công việc',
        'Loại',
        'Trạng thái',
        'Thủ tục',
        'Bưu tá',
        'Hạn xử lý',
        'Lệ phí (đồng)',
      ]),
    );
    const codes = new Set<string>();
    let sample: ExcelJS.Row | undefined;
    ws.eachRow((row, n) => {
      if (n > 1) codes.add(String(row.getCell(1).value));
      if (row.getCell(1).value === 'EX00000') sample = row;
    });
    expect(codes).toEqual(codesInA);
    expect(sample!.getCell(4).value).toBe('Đăng ký kết hôn; "có yếu tố nước ngoài"');
    expect(sample!.getCell(3).value).toBe('Hoàn thành');
    expect(sample!.getCell(10).value).toBe('Có');
    expect(sample!.getCell(11).value).toBe(100_000);
  });

  it('writes CSV as UTF-8 with a byte-order mark, quoting what needs it', async () => {
    const res = await download(org.inA.manager.username, 'jobs.csv', { from, to: today });
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Mã công việc,Loại,Trạng thái,Thủ tục,Đơn vị,Bưu tá,Ngày tạo,Hạn xử lý,Hoàn thành lúc,Đúng hạn,Lệ phí (đồng),Cước (đồng),Mã hồ sơ',
    );
    expect(lines).toHaveLength(codesInA.size + 1);
    expect(lines.find((l) => l.startsWith('EX00000,'))).toContain(
      '"Đăng ký kết hôn; ""có yếu tố nước ngoài"""',
    );
  });

  it('masks the caller’s phone in the calls export', async () => {
    const res = await download(org.inA.manager.username, 'calls.csv', { from, to: today });
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain('Phản ánh, kiến nghị');
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('912345678');
  });

  it('exports payments with their receipt numbers and amounts', async () => {
    const res = await download(org.inA.manager.username, 'payments.xlsx', { from, to: today });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('Thu tiền')!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(6).value).toBe(150_000);
    expect(ws.getRow(2).getCell(4).value).toBe('Phí, lệ phí thu hộ');
  });

  it('refuses another unit and couriers, as the dashboard does', async () => {
    expect(
      (
        await download(org.inA.manager.username, 'jobs.csv', {
          from,
          to: today,
          unitId: org.unitB.id,
        })
      ).status,
    ).toBe(403);
    expect((await download(org.inA.courier.username, 'jobs.csv', { from, to: today })).status).toBe(
      403,
    );
    expect(
      (await download(org.inA.manager.username, 'users.csv', { from, to: today })).status,
    ).toBe(400);
  });
});

describe('CSV export of text people typed', () => {
  const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
  let manager: string;

  beforeAll(async () => {
    const db = t.database.db;
    const unit = await createUnit(db, { parentId: org.province.id, name: 'Bưu cục C' });
    manager = (await createUser(db, 'manager', unit.id)).username;
    const courier = await createUser(db, 'courier', unit.id, { fullName: FORMULAS[0] });
    const citizen = await createCitizen(db, { phone: '+84912000111' });
    const proc = await createProcedure(db, { name: FORMULAS[2] });
    const at = vnStartOfDay(from).getTime() + 9 * 3600_000;
    const job = await createJob(db, {
      unitId: unit.id,
      citizenId: citizen.id,
      code: 'EXF0001',
      procedureId: proc.id,
      courierId: courier.id,
      dossierCode: FORMULAS[1],
      createdAt: new Date(at),
    });
    const paid = await createPayment(db, {
      jobId: job.id,
      unitId: unit.id,
      collectedBy: courier.id,
      flow: 'procedure_fee',
      method: 'cash',
      amountVnd: 150_000,
      occurredAt: new Date(at + 3600_000),
    });
    // The courier's reversal: a negative amount, and the reason typed at the door.
    await t.database.db.insert(payments).values({
      ...paid,
      id: undefined,
      receiptSeq: paid.receiptSeq + 1000,
      receiptNo: `${paid.receiptNo}-R`,
      amountVnd: -150_000,
      reason: FORMULAS[3],
      reversesPaymentId: paid.id,
      occurredAt: new Date(at + 2 * 3600_000),
    });
  });

  /** The cells of a CSV line (the export's quoting: "…" with "" inside). */
  const cells = (line: string) =>
    [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
      m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!,
    );
  const csvLines = async (file: string) => {
    const res = await download(manager, file, { from, to: today });
    expect(res.status).toBe(200);
    return (res.body as Buffer).toString('utf8').slice(1).trim().split('\r\n').map(cells);
  };

  it('escapes every text cell that a spreadsheet would read as a formula', async () => {
    const [head, row] = await csvLines('jobs.csv');
    const col = (name: string) => row![head!.indexOf(name)];
    expect(col('Bưu tá')).toBe(`'${FORMULAS[0]}`);
    expect(col('Mã hồ sơ')).toBe(`'${FORMULAS[1]}`);
    expect(col('Thủ tục')).toBe(`'${FORMULAS[2]}`);
    const rows = await csvLines('payments.csv');
    const note = rows[0]!.indexOf('Ghi chú');
    expect(rows.map((r) => r[note])).toContain(`'${FORMULAS[3]}`);
    for (const r of [...rows.slice(1), row!])
      for (const c of r) expect(c).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
  });

  it('keeps amounts as numbers, a negative one included', async () => {
    const rows = await csvLines('payments.csv');
    const amount = rows[0]!.indexOf('Số tiền (đồng)');
    expect(rows.slice(1).map((r) => r[amount])).toEqual(
      expect.arrayContaining(['150000', '-150000']),
    );
  });

  it('writes the same text as plain strings in the workbook, never as formulas', async () => {
    const res = await download(manager, 'jobs.xlsx', { from, to: today });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const row = wb.getWorksheet('Công việc')!.getRow(2);
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBe(FORMULAS[0]);
  });
});
