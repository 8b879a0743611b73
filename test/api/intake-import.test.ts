import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { queryRows, type Db } from '../../server/src/db/client';
import { createJobHooks } from '../../server/src/modules/jobs/jobs.service';
import { sampleBadRows } from '../../server/src/demo/demo-results-export';
import { loginAs, type TestApp } from '../support/app';
import { TEST_PASSWORD } from '../support/factories';
import { buildAppWith, type Agent } from '../support/org-app';
import {
  INTAKE_WARDS,
  createIntakeFixture,
  csvOf,
  sampleCsv,
  sampleRows,
  type IntakeFixture,
} from '../support/intake-factories';
import { workbookOf } from '../support/xlsx-files';

let t: TestApp;
let f: IntakeFixture;
let as: Record<
  'province' | 'provinceManager' | 'dispatcher' | 'dispatcherB' | 'manager' | 'operator',
  Agent
>;

beforeAll(async () => {
  ({
    t,
    f,
    agents: as,
  } = await buildAppWith(createIntakeFixture, (fx) => ({
    province: fx.provinceAdmin,
    provinceManager: fx.provinceManager,
    dispatcher: fx.inA.dispatcher,
    dispatcherB: fx.dispatcherB,
    manager: fx.inA.manager,
    operator: fx.inA.operator,
  })));
});
afterAll(async () => t.close());

const db = () => t.database.db;

function send(agent: Agent, path: string, body: Buffer | string, fileName = 'ket-qua.csv') {
  return agent
    .post(path)
    .query({ fileName })
    .set('Content-Type', 'application/octet-stream')
    .send(Buffer.from(body));
}
const preview = (agent: Agent, body: Buffer | string, name?: string) =>
  send(agent, '/api/intake/imports/preview', body, name);
const commit = (agent: Agent, body: Buffer | string, name?: string) =>
  send(agent, '/api/intake/imports', body, name);

async function tableCounts(d: Db = db()) {
  return (
    await queryRows<{ jobs: number; citizens: number; imports: number; events: number }>(
      d,
      sql`select (select count(*)::int from jobs) as jobs, (select count(*)::int from citizens) as citizens,
                 (select count(*)::int from result_imports) as imports,
                 (select count(*)::int from job_events) as events`,
    )
  )[0]!;
}

/** Which office serves each ward of the fixture. */
const officeOfWard = (fullName: string) => {
  const i = INTAKE_WARDS.findIndex((w) => `${w.kind} ${w.name}` === fullName);
  return i < 3 ? f.unitA.id : f.unitB.id;
};

type Row = {
  line: number;
  dossierCode: string;
  outcome: string;
  unitName: string | null;
  changes?: string[];
  problems: { column: string | null; field: string; code: string; message: string | object }[];
};

describe('POST /api/intake/imports/preview', () => {
  it('names each bad row with its line, column and reason, and writes nothing', async () => {
    const before = await tableCounts();
    const res = await preview(as.province, sampleCsv(f, { rows: 40, bad: true }));
    expect(res.status).toBe(200);
    expect(res.body.rowsTotal).toBe(40);
    const bad = sampleBadRows(40, true);
    const rows = res.body.rows as Row[];
    const at = (kind: string) =>
      rows.find((r) => r.line === bad.find((b) => b.kind === kind)!.row + 2)!;
    expect(at('unknown_ward').problems).toMatchObject([
      { column: 'Phường/Xã', field: 'wardName', code: 'unknown_ward' },
    ]);
    expect(at('bad_phone').problems).toMatchObject([
      { column: 'Số điện thoại', field: 'phone', code: 'invalid_phone' },
    ]);
    expect(at('duplicate').problems).toMatchObject([
      { column: 'Mã hồ sơ', field: 'dossierCode', code: 'duplicate_in_file' },
    ]);
    expect(JSON.stringify(at('duplicate').problems[0]!.message)).toContain('dòng 3');
    expect(at('in_person').problems).toMatchObject([
      { column: 'Mã thủ tục', field: 'procedureCode', code: 'procedure_in_person_only' },
    ]);
    expect(res.body.counts).toEqual({ created: 36, updated: 0, unchanged: 0, refused: 4 });
    expect(rows.filter((r) => r.outcome === 'refused').map((r) => r.line)).toEqual(
      bad.map((b) => b.row + 2),
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('answers in English when asked', async () => {
    const res = await preview(as.province, sampleCsv(f, { rows: 20, bad: true, seed: 99 })).set(
      'Accept-Language',
      'en',
    );
    const refused = (res.body.rows as Row[]).filter((r) => r.outcome === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.problems[0]!.message).toMatchObject({ en: expect.any(String) });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const res = await preview(as.province, 'Mã hồ sơ,Người nhận,Ghi chú\r\nX,Y,Z\r\n');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_missing_columns');
    expect(res.body.error.message).toContain('Số điện thoại');
    expect(res.body.error.message).toContain('Phường/Xã');
  });

  it('refuses an empty file and a header without rows', async () => {
    expect((await preview(as.province, '')).status).toBe(415);
    const header = csvOf([sampleRows(f)[1]!]);
    const res = await preview(as.province, header);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_empty');
  });

  it('reads UTF-16 CSV and XLSX the same as UTF-8 CSV', async () => {
    const rows = sampleRows(f, { rows: 15, bad: true, seed: 3 });
    const utf8 = await preview(as.province, sampleCsv(f, { rows: 15, bad: true, seed: 3 }));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(rows), 'utf16le')]);
    const xlsx = await workbookOf(rows);
    for (const body of [utf16, xlsx]) {
      const res = await preview(as.province, body);
      expect(res.status).toBe(200);
      expect(res.body.rows).toEqual(utf8.body.rows);
    }
  });

  it('takes English headers in any order, and ward names however they are written', async () => {
    const rows = [
      ['Ward', 'Phone', 'Dossier code', 'Recipient name', 'Address', 'Procedure code', 'Fee due'],
      [
        'P. Trấn Biên',
        '0912 345 678',
        'H48.19.10-261201-0001',
        'Lê Văn Bảy',
        '12 Đồng Khởi',
        '1.001234',
        '50.000',
      ],
      [
        'phuong tran bien',
        '0912345679',
        'h48.19.10-261201-0002',
        'Lê Thị Tám',
        '14 Đồng Khởi',
        '',
        '',
      ],
      ['26272', '0912345680', 'H48.19.10-261201-0003', 'Phan Văn Chín', '3 Phan Trung', '', '0'],
    ];
    const res = await preview(as.province, csvOf(rows));
    expect(res.status).toBe(200);
    expect((res.body.rows as Row[]).map((r) => [r.outcome, r.unitName, r.dossierCode])).toEqual([
      ['created', 'Bưu cục A', 'H48.19.10-261201-0001'],
      ['created', 'Bưu cục A', 'H48.19.10-261201-0002'],
      ['created', 'Bưu cục B', 'H48.19.10-261201-0003'],
    ]);
  });

  it('refuses a ward no post office serves', async () => {
    const rows = [
      ['Mã hồ sơ', 'Người nhận', 'Số điện thoại', 'Địa chỉ', 'Phường/Xã'],
      ['H48.19.10-261202-0001', 'Lê Văn Mười', '0912345681', '5 Lê Duẩn', 'Xã Xuân Đông'],
    ];
    const res = await preview(as.province, csvOf(rows));
    expect((res.body.rows as Row[])[0]!.problems).toMatchObject([{ code: 'ward_not_served' }]);
  });
});

describe('POST /api/intake/imports', () => {
  const file = () => sampleCsv(f, { rows: 60, bad: true, seed: 11 });

  it('creates the good rows in the post office of their ward, in one import record', async () => {
    const before = await tableCounts();
    const res = await commit(as.province, file(), 'mot-cua.csv');
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ created: 56, updated: 0, unchanged: 0, refused: 4 });
    expect(res.body.import).toMatchObject({
      source: 'file',
      fileName: 'mot-cua.csv',
      rowsTotal: 60,
      created: 56,
      refused: 4,
      unit: { id: f.province.id },
      createdBy: { id: f.provinceAdmin.id },
    });
    const jobs = await queryRows<{
      dossier_code: string;
      unit_id: string;
      ward_full: string;
      import_id: string;
      type: string;
      code: string;
    }>(
      db(),
      sql`select j.dossier_code, j.unit_id, w.full_name as ward_full, j.import_id, j.type, j.code
            from jobs j join admin_wards w on w.code = j.ward_code where j.import_id = ${res.body.import.id}`,
    );
    expect(jobs).toHaveLength(56);
    for (const j of jobs) {
      expect(j.type).toBe('result_delivery');
      expect(j.unit_id).toBe(officeOfWard(j.ward_full));
      expect(j.code).toMatch(/^TN\d{6}\d{4}$/);
    }
    expect(new Set(jobs.map((j) => j.unit_id)).size).toBe(2);
    const after = await tableCounts();
    expect(after.jobs - before.jobs).toBe(56);
    expect(after.events - before.events).toBe(56);
    expect(after.imports - before.imports).toBe(1);
  });

  it('creates nothing when the same file comes again: every good row is unchanged', async () => {
    const before = await tableCounts();
    const pre = await preview(as.province, file(), 'mot-cua.csv');
    expect(pre.body.previousImports).toHaveLength(1);
    const res = await commit(as.province, file(), 'mot-cua.csv');
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ created: 0, updated: 0, unchanged: 56, refused: 4 });
    const after = await tableCounts();
    expect(after.jobs).toBe(before.jobs);
    expect(after.citizens).toBe(before.citizens);
  });

  it('shows a changed phone and address of an overlapping file as an update of those fields', async () => {
    const rows = sampleRows(f, { rows: 60, bad: true, seed: 11 }).slice(0, 12);
    rows[5]![5] = '0988 000 111';
    rows[5]![6] = '99 Đường Mới';
    const res = await commit(as.province, csvOf(rows));
    expect(res.body.counts).toMatchObject({ created: 0, updated: 1 });
    const row = (res.body.items as Row[]).find((r) => r.outcome === 'updated')!;
    expect(row.line).toBe(6);
    expect(row.changes).toEqual(['phone', 'addressText']);
    const [job] = await queryRows<{ address_text: string; phone: string }>(
      db(),
      sql`select j.address_text, c.phone from jobs j join citizens c on c.id = j.citizen_id where j.dossier_code = ${row.dossierCode}`,
    );
    expect(job).toEqual({ address_text: '99 Đường Mới', phone: '+84988000111' });
  });

  it('refuses to change a result already picked up', async () => {
    const rows = sampleRows(f, { rows: 60, bad: true, seed: 11 }).slice(0, 4);
    await queryRows(
      db(),
      sql`update jobs set status = 'picked_up' where dossier_code = ${rows[3]![1]!}`,
    );
    rows[3]![6] = '1 Đường Khác';
    const res = await commit(as.province, csvOf(rows));
    const row = (res.body.items as Row[]).find((r) => r.dossierCode === rows[3]![1])!;
    expect(row.outcome).toBe('refused');
    expect(row.problems).toMatchObject([{ code: 'already_in_progress' }]);
  });

  it('replays the first answer when an Idempotency-Key is sent again', async () => {
    const body = sampleCsv(f, { rows: 5, seed: 500 });
    const first = await commit(as.province, body).set('Idempotency-Key', 'intake-key-0001');
    const again = await commit(as.province, body).set('Idempotency-Key', 'intake-key-0001');
    expect(first.body.counts.created).toBe(5);
    expect(again.status).toBe(201);
    expect(again.body.import.id).toBe(first.body.import.id);
    expect(again.body.counts.created).toBe(5);
  });

  it('lets a dispatcher of office A import only the wards A serves (others refused per row)', async () => {
    const res = await commit(as.dispatcher, sampleCsv(f, { rows: 30, seed: 21 }));
    expect(res.status).toBe(201);
    const items = res.body.items as Row[];
    const outside = items.filter((r) => r.outcome === 'refused');
    expect(outside.length).toBeGreaterThan(0);
    for (const r of outside) expect(r.problems).toMatchObject([{ code: 'ward_outside_your_unit' }]);
    expect(
      items.filter((r) => r.outcome === 'created').every((r) => r.unitName === 'Bưu cục A'),
    ).toBe(true);
  });

  it('is refused to an operator', async () => {
    expect((await commit(as.operator, sampleCsv(f, { rows: 3, seed: 600 }))).status).toBe(403);
  });

  it('leaves nothing half-written when the commit fails part-way', async () => {
    let n = 0;
    const hooks = createJobHooks([
      {
        name: 'fails-on-the-7th',
        created: () => {
          if (++n === 7) throw new Error('disk full');
        },
      },
    ]);
    const app = createApp({ database: t.database, config: t.config, jobHooks: hooks });
    const agent = await loginAs(app, f.provinceAdmin.username, TEST_PASSWORD);
    const before = await tableCounts();
    const res = await commit(agent, sampleCsv(f, { rows: 20, seed: 700 }));
    expect(res.status).toBe(500);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('GET /api/intake/imports', () => {
  it('lists the imports of the caller’s units, newest first, with counts', async () => {
    const res = await as.provinceManager.get('/api/intake/imports');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.items[0]).toMatchObject({
      source: 'file',
      createdBy: { id: expect.any(String) },
    });
    const times = (res.body.items as { createdAt: string }[]).map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows one import with its refused rows; another office can neither open nor list it', async () => {
    const rows = sampleRows(f, { rows: 30, seed: 801 });
    const b = await commit(as.dispatcherB, csvOf(rows), 'buu-cuc-b.csv');
    expect(b.status).toBe(201);
    expect(b.body.import.unit.id).toBe(f.unitB.id);
    const one = await as.dispatcherB.get(`/api/intake/imports/${b.body.import.id}`);
    expect(one.status).toBe(200);
    expect(one.body.problems[0]).toMatchObject({
      line: expect.any(Number),
      dossierCode: expect.any(String),
      problems: [{ code: 'ward_outside_your_unit' }],
    });
    expect((await as.dispatcher.get(`/api/intake/imports/${b.body.import.id}`)).status).toBe(403);
    const listA = await as.dispatcher.get('/api/intake/imports');
    const ids = (listA.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).not.toContain(b.body.import.id);
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('GET /api/intake/sample-export', () => {
  it('makes a synthetic export labelled as sample data that previews cleanly', async () => {
    const res = await as.province
      .get('/api/intake/sample-export')
      .query({ rows: 25, format: 'csv' })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('DỮ LIỆU MẪU – không phải hồ sơ thật');
    expect(res.headers['content-disposition']).toContain('du-lieu-mau');
    const pre = await preview(as.province, body);
    expect(pre.body.rowsTotal).toBe(25);
  });
});
