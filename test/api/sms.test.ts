import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../server/src/db/client';
import { smsOutbox, smsTemplates } from '../../server/src/db/schema';
import { createTwilioMessagesClient } from '../../server/src/integrations/twilio/messages-client';
import { logger } from '../../server/src/lib/logger';
import {
  queueSms,
  renderSmsTemplate,
  startSmsWorker,
} from '../../server/src/modules/sms/sms.service';
import { createTwilioSmsTransport } from '../../server/src/modules/sms/sms.transport';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import { createCitizen, TWILIO_ENV, twilioSigned } from '../support/calls-factories';
import { startFakeTwilio } from '../support/fake-twilio';
import { createTestDatabase } from '../support/test-db';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function transportFor(fakeUrl: string) {
  const client = createTwilioMessagesClient({
    accountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID,
    authToken: TWILIO_ENV.TWILIO_AUTH_TOKEN,
    from: TWILIO_ENV.TWILIO_FROM_NUMBER,
    baseUrl: fakeUrl,
    timeoutMs: 5_000,
  });
  return createTwilioSmsTransport(client, TWILIO_ENV.PUBLIC_BASE_URL);
}

async function until<T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Outbox row `id` as it stands now. */
async function outboxRow(db: Db, id: string) {
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
  return row;
}

/** Waits until outbox row `id` is in `status`, and returns it. */
const outboxRowWhen = (db: Db, id: string, status: string) =>
  until(async () => {
    const row = await outboxRow(db, id);
    return row?.status === status ? row : undefined;
  });

/** A worker started again after a kill: claims older than its 300 ms lease count as interrupted. */
const restartedWorker = (db: Db, fakeUrl: string, opts: { baseDelayMs?: number } = {}) =>
  startSmsWorker({
    db,
    transport: transportFor(fakeUrl),
    logger,
    pollMs: 20,
    leaseMs: 300,
    ...opts,
  });

describe('SMS outbox with the Twilio Messages API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(TWILIO_ENV);
  });
  afterAll(async () => t?.close());

  it('sends once, after two failures, with back-off; the signed delivery report marks it delivered', async () => {
    const fake = await startFakeTwilio();
    fake.plan('fail500', 'fail500');
    const citizen = await createCitizen(t.database.db);
    const queued = await queueSms(t.database.db, {
      to: citizen.phone,
      template: 'job_created',
      vars: {
        jobType: 'tiếp nhận hồ sơ tại nhà',
        code: 'TN2611220001',
        dueDate: '24/11/2026',
        trackingUrl: 'http://x/tra-cuu/TN2611220001',
      },
      citizenId: citizen.id,
    });
    expect(queued).not.toBeNull();
    const worker = startSmsWorker({
      db: t.database.db,
      transport: transportFor(fake.url),
      logger,
      pollMs: 20,
      baseDelayMs: 100,
    });
    try {
      const row = await outboxRowWhen(t.database.db, queued!.id, 'sent');
      expect(fake.posts()).toBe(3);
      expect(fake.messages).toHaveLength(1);
      expect(row.attempts).toBe(3);
      expect(row.providerId).toBe(fake.messages[0]!.sid);
      expect(fake.messages[0]!.body).toContain('TN2611220001');
      expect(fake.messages[0]!.to).toBe(citizen.phone);
      // Back-off: the third try came at least 100 + 200 ms after the first claim.
      expect(row.sentAt!.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(300);
      // Nothing more goes out afterwards.
      await new Promise((r) => setTimeout(r, 300));
      expect(fake.posts()).toBe(3);

      const cbUrl = fake.messages[0]!.statusCallback!;
      expect(cbUrl).toBe(`${TWILIO_ENV.PUBLIC_BASE_URL}/api/twilio/sms/status?o=${queued!.id}`);
      const pathAndQuery = cbUrl.slice(TWILIO_ENV.PUBLIC_BASE_URL.length);
      const params = { MessageSid: row.providerId!, MessageStatus: 'delivered' };
      const unsigned = await request(t.app).post(pathAndQuery).type('form').send(params);
      expect(unsigned.status).toBe(403);
      const { signature } = twilioSigned(TWILIO_ENV.TWILIO_AUTH_TOKEN, cbUrl, params);
      const res = await request(t.app)
        .post(pathAndQuery)
        .type('form')
        .set('X-Twilio-Signature', signature)
        .send(params);
      expect(res.status).toBe(204);
      const after = await outboxRow(t.database.db, queued!.id);
      expect(after!.status).toBe('delivered');
      expect(after!.deliveredAt).not.toBeNull();
    } finally {
      await worker.stop();
      await fake.close();
    }
  });

  it('gives up on a permanent refusal without retrying', async () => {
    const fake = await startFakeTwilio();
    const citizen = await createCitizen(t.database.db);
    // A 400 from the provider (e.g. an invalid number) cannot get better by retrying.
    const transport = transportFor(fake.url);
    const refusing = {
      ...transport,
      send: async () =>
        Promise.reject(
          new (await import('../../server/src/modules/sms/sms.transport')).SmsSendError(
            'SMS provider answered 400: 21211 invalid To',
            'rejected',
            true,
          ),
        ),
    };
    const queued = await queueSms(t.database.db, {
      to: citizen.phone,
      template: 'failed_attempt',
      vars: { code: 'TN1', reason: 'vắng nhà' },
    });
    const worker = startSmsWorker({
      db: t.database.db,
      transport: refusing,
      logger,
      pollMs: 20,
      baseDelayMs: 50,
    });
    try {
      const row = await outboxRowWhen(t.database.db, queued!.id, 'failed');
      expect(row.attempts).toBe(1);
      expect(row.error).toContain('21211');
    } finally {
      await worker.stop();
      await fake.close();
    }
  });

  it('renders Vietnamese templates, prefers the admin text, never lets an ID number through, and respects opt-out', async () => {
    const db = t.database.db;
    const text = await renderSmsTemplate(db, 'job_created', {
      jobType: 'trả kết quả tại nhà',
      code: 'TN9',
      dueDate: '01/12/2026',
      trackingUrl: 'https://a/tra-cuu/TN9',
    });
    expect(text).toContain('Đã tiếp nhận yêu cầu trả kết quả tại nhà');
    await db.insert(smsTemplates).values({ key: 'failed_attempt', body: 'Mã {code}: {reason}' });
    expect(
      await renderSmsTemplate(db, 'failed_attempt', {
        code: 'TN9',
        reason: 'CCCD 079203001234 sai',
      }),
    ).toBe('Mã TN9: CCCD [đã ẩn] sai');
    const optedOut = await createCitizen(db, { smsOptOut: true });
    expect(
      await queueSms(db, {
        to: optedOut.phone,
        template: 'failed_attempt',
        vars: { code: 'TN9', reason: 'x' },
        citizenId: optedOut.id,
      }),
    ).toBeNull();
    expect(
      await queueSms(db, {
        to: optedOut.phone,
        template: 'failed_attempt',
        vars: { code: 'TN9', reason: 'x' },
      }),
    ).toBeNull();
  });

  it('shows the outbox to staff with masked numbers; couriers may not read it', async () => {
    const org = await createOrgFixture(t.database.db);
    const admin = await loginAs(t.app, org.inA.admin.username, TEST_PASSWORD);
    const res = await admin.get('/api/sms');
    expect(res.status).toBe(200);
    expect(res.body.transport).toBe('twilio');
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const m of res.body.items) expect(m.to).toMatch(/\*\*\*/);
    const courier = await loginAs(t.app, org.inA.courier.username, TEST_PASSWORD);
    expect((await courier.get('/api/sms')).status).toBe(403);
  });
});

/**
 * The crash: a separate process runs the worker and is killed with SIGKILL while the
 * provider holds its request, i.e. between "the provider got it" (or not) and "the outbox
 * says sent". A new worker on the same database must then neither lose nor repeat it.
 */
describe('SMS worker killed mid-send', () => {
  let dbUrl: string | undefined;
  let pgliteDir: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const d = await createTestDatabase();
      dbUrl = d.url;
      dropDb = d.close;
    } else {
      pgliteDir = mkdtempSync(path.join(tmpdir(), 'tn-sms-kill-'));
      const d = await openDatabase({ dataDir: pgliteDir });
      await d.migrate();
      await d.close();
    }
  });
  afterAll(async () => {
    await dropDb?.();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  /** PGlite is single-process: the test's handle is closed while the child runs. */
  const open = (): Promise<Database> =>
    dbUrl
      ? openDatabase({ databaseUrl: dbUrl, poolSize: 2 })
      : openDatabase({ dataDir: pgliteDir! });

  function startChild(fakeUrl: string): Promise<ChildProcess> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      FAKE_TWILIO_URL: fakeUrl,
    };
    if (dbUrl) env.DATABASE_URL = dbUrl;
    else env.PGLITE_DIR = pgliteDir;
    // One process (no tsx wrapper), so the SIGKILL hits the worker itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/sms-worker-child.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        if (c.toString().includes('ready')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`worker child exited (${code}): ${out}`)));
    });
  }

  async function kill(child: ChildProcess) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }

  async function queueOne(body: string): Promise<string> {
    const d = await open();
    try {
      const r = await queueSms(d.db, {
        to: '+84912000999',
        template: 'failed_attempt',
        vars: { code: body, reason: 'vắng nhà' },
      });
      return r!.id;
    } finally {
      await d.close();
    }
  }

  for (const scenario of [
    'the provider had created the message',
    'the provider never created it',
  ] as const) {
    it(`after a kill when ${scenario}: a restarted worker settles it and exactly one SMS exists`, async () => {
      const fake = await startFakeTwilio();
      fake.plan(
        scenario === 'the provider had created the message'
          ? 'createThenHang'
          : 'hangWithoutCreating',
      );
      const id = await queueOne(`TN-${scenario.length}`);
      const child = await startChild(fake.url);
      await fake.waitForPosts(1);
      await kill(child);

      const d = await open();
      try {
        const mid = await outboxRow(d.db, id);
        expect(mid!.status).toBe('sending'); // claimed, outcome unknown
        // The restarted worker treats claims older than the lease as interrupted.
        const worker = restartedWorker(d.db, fake.url, { baseDelayMs: 50 });
        try {
          const row = await outboxRowWhen(d.db, id, 'sent');
          await new Promise((r) => setTimeout(r, 300));
          expect(fake.messages).toHaveLength(1);
          expect(row.providerId).toBe(fake.messages[0]!.sid);
          expect(fake.posts()).toBe(scenario === 'the provider had created the message' ? 1 : 2);
        } finally {
          await worker.stop();
        }
      } finally {
        await d.close();
        await fake.close();
      }
    });
  }

  it('loses nothing queued while no worker ran: the next start sends it once', async () => {
    const fake = await startFakeTwilio();
    const id = await queueOne('TN-queued-before-start');
    const child = await startChild(fake.url);
    await fake.waitForPosts(1);
    // Give the child time to record it, then kill it anyway; a restart must not resend.
    const d0 = dbUrl ? await open() : undefined;
    if (d0) {
      await outboxRowWhen(d0.db, id, 'sent');
      await d0.close();
    } else {
      await new Promise((r) => setTimeout(r, 1500));
    }
    await kill(child);
    const d = await open();
    try {
      const worker = restartedWorker(d.db, fake.url);
      await new Promise((r) => setTimeout(r, 800));
      await worker.stop();
      const row = await outboxRow(d.db, id);
      expect(row!.status).toBe('sent');
      expect(fake.messages).toHaveLength(1);
      expect(fake.posts()).toBe(1);
    } finally {
      await d.close();
      await fake.close();
    }
  });
});
