import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/src/db/client';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCourierJob } from '../support/courier-factories';
import { createUnit, createUser, TEST_PASSWORD } from '../support/factories';
import { jobBody, type JobsFixture } from '../support/jobs-factories';
import { buildJobsApp, type Agent } from '../support/org-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const NUL = '\u0000';

let t: TestApp;
let f: JobsFixture;
let staff: Record<'operator' | 'courier', Agent>;
let admin: Agent;

beforeAll(async () => {
  ({ t, f, staff } = await buildJobsApp('operator', 'courier'));
  const provinceAdmin = await createUser(t.database.db, 'admin', f.province.id);
  admin = await loginAs(t.app, provinceAdmin.username, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** Rows of the tables a refused request could have written. */
async function rowCounts() {
  const [row] = await queryRows<Record<string, number>>(
    t.database.db,
    sql`select (select count(*)::int from citizens) as citizens,
               (select count(*)::int from calls) as calls,
               (select count(*)::int from jobs) as jobs,
               (select count(*)::int from documents) as documents,
               (select count(*)::int from sms_templates) as sms_templates,
               (select count(*)::int from holidays) as holidays,
               (select count(*)::int from procedures) as procedures`,
  );
  return row!;
}

/** Sends `bytes` as they are (superagent would serialise a Buffer under a JSON type). */
const rawBody = (req: request.Test, bytes: Buffer) =>
  req.serialize(() => bytes as unknown as string).send(bytes);

function expectInvalidText(res: request.Response, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code, JSON.stringify(res.body)).toBe('invalid_text');
  expect(Object.keys(res.body.error.fields)).toContain(field);
}

describe('a NUL character anywhere in the input is refused as text (400 invalid_text)', () => {
  const cases: Array<[string, string, () => request.Test]> = [
    [
      'the login username',
      'username',
      () =>
        request(t.app)
          .post('/api/auth/login')
          .send({ username: `a${NUL}b`, password: 'x' }),
    ],
    [
      'a new citizen’s name',
      'fullName',
      () =>
        staff.operator
          .post('/api/citizens')
          .send({ fullName: `Lê Văn${NUL} Tám`, phone: '0905 111 222' }),
    ],
    [
      'a new citizen’s notes',
      'notes',
      () =>
        staff.operator
          .post('/api/citizens')
          .send({ fullName: 'Lê Văn Tám', phone: '0905 111 333', notes: `ghi${NUL}chú` }),
    ],
    [
      'a citizen’s name changed',
      'fullName',
      () => staff.operator.patch(`/api/citizens/${f.citizen.id}`).send({ fullName: `Đặng${NUL}` }),
    ],
    [
      'a new call’s content',
      'content',
      () =>
        staff.operator
          .post('/api/calls')
          .send({ callerPhone: '0905 222 333', category: 'procedure_question', content: NUL }),
    ],
    [
      'a new call’s caller name',
      'callerName',
      () =>
        staff.operator
          .post('/api/calls')
          .send({ callerPhone: '0905 222 444', callerName: `Bà${NUL}Ba`, content: 'Hỏi' }),
    ],
    [
      'a new job’s notes',
      'notes',
      () => staff.operator.post('/api/jobs').send(jobBody(f, { notes: `Gọi trước${NUL}` })),
    ],
    [
      'a new job’s ward code',
      'wardCode',
      () => staff.operator.post('/api/jobs').send(jobBody(f, { wardCode: `260${NUL}41` })),
    ],
    [
      'a citizen search',
      'query.q',
      () => staff.operator.get('/api/citizens').query({ q: `Dũng${NUL}` }),
    ],
    ['a job search', 'query.q', () => staff.operator.get('/api/jobs').query({ q: `TN${NUL}` })],
    [
      'a procedure search',
      'query.q',
      () => staff.operator.get('/api/procedures').query({ q: `hộ tịch${NUL}` }),
    ],
    ['a call search', 'query.q', () => staff.operator.get('/api/calls').query({ q: `${NUL}` })],
    [
      'an SMS template',
      'body',
      () => admin.put('/api/sms/templates/job_created').send({ body: `Mã {code}${NUL}` }),
    ],
    [
      'a holiday’s name',
      'name',
      () =>
        admin.post('/api/admin/holidays').send({ date: '2029-09-02', kind: 'holiday', name: NUL }),
    ],
  ];
  for (const [what, field, send] of cases) {
    it(`in ${what}, writing nothing`, async () => {
      const before = await rowCounts();
      expectInvalidText(await send(), field);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('in an upload’s note (a multipart text field), storing no file', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: f.unitA.id,
      courierId: f.courier1.id,
      type: 'home_assistance',
      status: 'on_site',
    });
    const before = await rowCounts();
    const res = await staff.courier
      .post(`/api/jobs/${job.id}/documents`)
      .set('Idempotency-Key', randomUUID())
      .field('kind', 'photo')
      .field('note', `cửa${NUL}khóa`)
      .attach('file', PNG, 'p.png');
    expectInvalidText(res, 'note');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a lone surrogate and bytes that are not UTF-8, naming the field', async () => {
    const lone = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"a\\ud800b","password":"x"}');
    expectInvalidText(lone, 'username');
    const latin1Bytes = await rawBody(
      request(t.app).post('/api/auth/login').set('Content-Type', 'application/json'),
      Buffer.from('{"username":"Nguyên","password":"x"}', 'latin1'),
    );
    expectInvalidText(latin1Bytes, 'body');
    const query = await staff.operator.get('/api/citizens?q=%C3%28');
    expectInvalidText(query, 'query.q');
    const form = (body: string) => request(t.app).post('/api/auth/login').type('form').send(body);
    expectInvalidText(await form('username=%C3%28&password=x'), 'body');
    expectInvalidText(await form('username=a%00b&password=x'), 'username');
    expectInvalidText(await staff.operator.get('/api/citizens/a%00b/history'), 'path');
    // A "%" that escapes nothing is left as typed, as the query parser leaves it.
    expect((await staff.operator.get('/api/citizens?q=100%')).status).toBe(200);
  });
});

describe('bodies the server does not read', () => {
  const login = () =>
    request(t.app).post('/api/auth/login').set('Content-Type', 'application/json');
  const json = JSON.stringify({ username: 'nobody', password: 'x' });

  it('answers JSON in another charset with 415 unsupported_charset', async () => {
    for (const charset of ['latin1', 'utf-16le']) {
      const res = await request(t.app)
        .post('/api/auth/login')
        .set('Content-Type', `application/json; charset=${charset}`)
        .send(json);
      expect(res.status, charset).toBe(415);
      expect(res.body.error.code).toBe('unsupported_charset');
    }
  });

  it('answers br or an unknown Content-Encoding with 415 unsupported_encoding', async () => {
    for (const encoding of ['br', 'x-unknown']) {
      const res = await login().set('Content-Encoding', encoding).send(json);
      expect(res.status, encoding).toBe(415);
      expect(res.body.error.code).toBe('unsupported_encoding');
    }
  });

  it('reads a gzip body, and answers a corrupt one with 400 invalid_body', async () => {
    const good = await rawBody(login().set('Content-Encoding', 'gzip'), gzipSync(json));
    expect(good.status, JSON.stringify(good.body)).toBe(401);
    const corrupt = Buffer.concat([gzipSync(json).subarray(0, 12), Buffer.from('garbage!')]);
    const res = await rawBody(login().set('Content-Encoding', 'gzip'), corrupt);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
  });

  it('answers JSON nested deeper than 32 levels with 400 invalid_body', async () => {
    const deep = `{"username":${'['.repeat(40)}${']'.repeat(40)},"password":"x"}`;
    const res = await login().send(deep);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
  });

  it('answers a catalogue import of 100,000 nested "[" with 400, fast, writing nothing', async () => {
    const before = await rowCounts();
    const bomb = '['.repeat(100_000);
    const started = Date.now();
    for (const type of ['application/json', 'text/plain']) {
      const res = await rawBody(
        admin
          .post('/api/admin/procedures/import')
          .query({ fileName: 'danh-muc.json' })
          .set('Content-Type', type),
        Buffer.from(bomb),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers a truncated multipart upload with 400 invalid_upload, storing nothing', async () => {
    const job = await createCourierJob(t.database.db, {
      unitId: f.unitA.id,
      courierId: f.courier1.id,
      type: 'home_assistance',
      status: 'on_site',
    });
    const before = await rowCounts();
    const boundary = 'tn-boundary-1022';
    const cut = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      PNG.subarray(0, 20),
    ]);
    const res = await staff.courier
      .post(`/api/jobs/${job.id}/documents`)
      .set('Idempotency-Key', randomUUID())
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .serialize(() => cut as unknown as string)
      .send(cut);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_upload');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('impossible dates', () => {
  it('refuses a holiday on 2026-02-31 with a message on the date field', async () => {
    const before = await rowCounts();
    const res = await admin
      .post('/api/admin/holidays')
      .send({ date: '2026-02-31', kind: 'holiday', name: 'Ngày không có' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.date).toMatch(/không có thật/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses 2026-02-30 in a shift query', async () => {
    const manager = await loginAs(t.app, f.inA.manager.username, TEST_PASSWORD);
    const shift = await manager.get('/api/reconciliation/shifts').query({ date: '2026-02-30' });
    expect(shift.status).toBe(400);
    expect(Object.keys(shift.body.error.fields)).toEqual(['query.date']);
  });
});

describe('a database that cannot be reached', () => {
  it('answers every API call 503 database_unavailable with Retry-After, signed in or not', async () => {
    const down = await buildTestApp();
    const unit = await createUnit(down.database.db);
    const operator = await createUser(down.database.db, 'operator', unit.id);
    const agent = await loginAs(down.app, operator.username, TEST_PASSWORD);
    await down.database.close();
    const answers = [
      // The session is read on every request: its lookup fails first.
      await agent.get('/api/citizens').query({ q: 'Dũng' }),
      await agent.post('/api/calls').send({ callerPhone: '0905 222 333', content: 'Hỏi' }),
      await request(down.app).post('/api/auth/login').send({ username: 'ai', password: 'x' }),
      await request(down.app).get('/api/track/TN123456').query({ phone: '5678' }),
    ];
    for (const res of answers) {
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body.error.code).toBe('database_unavailable');
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.error.message).toMatch(/tạm gián đoạn/);
    }
  });
});
