import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/client';
import { createCourierFixture, createCourierJob } from '../support/courier-factories';
import { TEST_PASSWORD } from '../support/factories';
import { createServerDatabase, dropServerDatabase } from '../support/test-db';
import { call, signIn, startServerProcess, until, type ServerProcess } from './server-process';

/**
 * kill -9 in the middle of a stream of idempotent courier writes (one cash collection per
 * job, each with its own Idempotency-Key), restart on the same data, resend every write with
 * the same keys: each job's ledger holds exactly one line, nothing lost, nothing doubled.
 * On embedded PGlite with a data directory, and on the PostgreSQL server named by
 * DATABASE_URL when there is one (CI starts one).
 */
const WRITES = 30;
const KILL_AFTER = 10;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
});

const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as const;

/** A database with a courier and WRITES jobs at the door, and the env that points a server at it. */
async function prepare(backend: (typeof backends)[number]) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-faults-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  let databaseUrl: string | undefined;
  if (backend === 'postgres') {
    const serverUrl = process.env.DATABASE_URL!;
    const name = `tn_faults_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}`;
    databaseUrl = await createServerDatabase(serverUrl, name);
    cleanups.push(() => dropServerDatabase(serverUrl, name));
    env.DATABASE_URL = databaseUrl;
  }
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await database.migrate();
    const fx = await createCourierFixture(database.db);
    const jobs = [];
    for (let i = 0; i < WRITES; i++)
      jobs.push(
        await createCourierJob(database.db, {
          unitId: fx.unitA.id,
          courierId: fx.courier.id,
          type: 'home_assistance',
          status: 'on_site',
          feeDueVnd: 100_000,
        }),
      );
    return { env, courier: fx.courier.username, jobIds: jobs.map((j) => j.id) };
  } finally {
    await database.close();
  }
}

const collection = { lines: [{ flow: 'procedure_fee', amountVnd: 100_000 }], method: 'cash' };

describe.each(backends)('kill -9 during courier writes (%s)', (backend) => {
  it(`keeps exactly one ledger line for each of ${WRITES} collections after a restart and a resend`, async () => {
    const { env, courier, jobIds } = await prepare(backend);
    const writes = jobIds.map((jobId) => ({ jobId, key: randomUUID() }));

    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(() => server.kill());
    const cookie = await signIn(server.baseURL, courier, TEST_PASSWORD);
    const send = (s: ServerProcess, w: (typeof writes)[number]) =>
      call(s.baseURL, cookie, 'POST', `/api/jobs/${w.jobId}/payments`, collection, {
        'Idempotency-Key': w.key,
      });

    // The stream: four phones' worth of writes in flight; the server dies after KILL_AFTER answers.
    const first = new Map<string, { status: number; body: unknown }>();
    let next = 0;
    let killed: Promise<void> | undefined;
    const lane = async () => {
      while (next < writes.length && !killed) {
        const w = writes[next++]!;
        const res = await send(server, w);
        first.set(w.key, res);
        if (first.size >= KILL_AFTER) killed ??= server.kill();
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    await killed;
    const answered = [...first.values()].filter((r) => r.status === 201).length;
    expect(answered, server.output()).toBeGreaterThanOrEqual(KILL_AFTER - 4);
    expect(answered, 'some writes must be lost with the server').toBeLessThan(WRITES);

    server = await startServerProcess(env);
    // The phone keeps its session across the restart (sessions live in the database).
    for (const w of writes) {
      const res = await until(
        `resend ${w.key}`,
        async () => {
          const r = await send(server, w);
          return r.status === 0 ? undefined : r;
        },
        30_000,
      );
      expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
      const before = first.get(w.key);
      if (before?.status === 201) {
        // A write answered before the crash is replayed, not collected again.
        const ids = (b: unknown) => (b as { payments: { id: string }[] }).payments.map((p) => p.id);
        expect(ids(res.body)).toEqual(ids(before.body));
      }
    }

    for (const { jobId } of writes) {
      const money = await call(server.baseURL, cookie, 'GET', `/api/jobs/${jobId}/payments`);
      expect(money.status).toBe(200);
      const lines = (money.body as { payments: { amountVnd: number; flow: string }[] }).payments;
      expect(lines, jobId).toHaveLength(1);
      expect(lines[0]).toMatchObject({ flow: 'procedure_fee', amountVnd: 100_000 });
    }
    await server.stop();
    console.log(
      `faults: kill -9 (${backend}) after ${answered}/${WRITES} answered writes, ${WRITES} resent, ${WRITES} ledger lines`,
    );
  });
});
