import { Writable } from 'node:stream';
import express from 'express';
import { DrizzleQueryError } from 'drizzle-orm';
import { symbols } from 'pino';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logger } from '../../server/src/lib/logger';
import { errorHandler } from '../../server/src/middleware/error-handler';
import { requestContextMiddleware } from '../../server/src/middleware/request-context';
import { buildTestApp, loginAs } from '../support/app';
import { createUnit, createUser, TEST_PASSWORD } from '../support/factories';

const PHONE = '0912345678';
const EMAIL = 'nguyen.van.an@example.vn';
const NAME = 'Nguyễn Văn An';

let lines: string[];
let restore: () => void;

// The process logger is silent in tests; here it writes to memory so its lines can be read.
beforeEach(() => {
  lines = [];
  const target = logger as unknown as Record<symbol, unknown>;
  const stream = target[symbols.streamSym];
  const level = logger.level;
  target[symbols.streamSym] = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  logger.level = 'info';
  restore = () => {
    target[symbols.streamSym] = stream;
    logger.level = level;
  };
});
afterEach(() => restore());

const logged = () => lines.join('');

describe('what the logs keep of a request', () => {
  it('logs a failing look-up by phone, e-mail and name without any of them', async () => {
    const t = await buildTestApp();
    const unit = await createUnit(t.database.db);
    const operator = await createUser(t.database.db, 'operator', unit.id);
    const agent = await loginAs(t.app, operator.username, TEST_PASSWORD);
    await t.database.close();
    const res = await agent
      .get('/api/citizens')
      .query({ phone: PHONE, email: EMAIL, name: NAME, q: NAME, page: 2 });
    expect(res.status).toBeGreaterThanOrEqual(500);
    const text = logged();
    expect(text).toMatch(/\/api\/citizens\?/);
    expect(text).toMatch(/page=2/);
    for (const secret of [PHONE, EMAIL, 'nguyen.van.an', 'Nguy', encodeURIComponent(NAME)])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/tn_sid/);
  });

  it('logs a failed query with its statement but without its parameters or the row it hit', async () => {
    const app = express();
    app.use(...requestContextMiddleware());
    app.get('/boom', () => {
      const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
        detail: `Key (phone)=(${PHONE}) already exists.`,
      });
      throw new DrizzleQueryError(
        'insert into citizens (full_name, phone) values ($1, $2)',
        [NAME, PHONE],
        cause,
      );
    });
    app.use(errorHandler);
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    const text = logged();
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NAME);
    expect(text).toMatch(/insert into citizens/);
    expect(text).toMatch(/23505/);
  });
});
