import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/client';
import { createOrgFixture, TEST_PASSWORD } from '../support/factories';
import { createServerDatabase } from '../support/test-db';
import {
  call,
  freePort,
  signIn,
  startServerProcess,
  until,
  type ServerProcess,
} from './server-process';

/**
 * PostgreSQL stopped under a running server, then started again: every API call answers 503
 * `database_unavailable` with Retry-After while it is down, and the same server process
 * answers 200 again once it is back, without a restart. The test runs its own cluster
 * (initdb in a temporary directory), so stopping it disturbs nothing else.
 */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const last = versions.at(-1);
  return last ? path.join(root, last, 'bin') : undefined;
}

const bin = postgresBin();
// In CI the binaries are installed by .ci/run: their absence is a failure, not a skip.
if (!bin && process.env.CI)
  throw new Error('PostgreSQL binaries (pg_ctl, initdb) not found under /usr/lib/postgresql');
if (!bin)
  console.warn(
    'faults: PostgreSQL binaries not found; the outage test is skipped (outside CI only)',
  );

const asRoot = userInfo().uid === 0;
/** Runs a PostgreSQL tool, as the postgres user when we are root (initdb refuses root). */
function pgTool(tool: string, args: string[]): string {
  const exe = path.join(bin!, tool);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) {
    try {
      await clean();
    } catch {
      // Best effort: the rest must still run.
    }
  }
});

type Cluster = { url: string; start: () => void; stop: () => void };

async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tn-faults-pg-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  if (asRoot) {
    const pgUser = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, pgUser, -1);
  }
  const data = path.join(dir, 'data');
  pgTool('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    pgTool('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', opts, 'start']);
  const stop = () => pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  cleanups.push(() => {
    pgTool('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  });
  const url = await createServerDatabase(
    `postgres://postgres@127.0.0.1:${port}/postgres`,
    'tannha',
  );
  return { url, start: () => void start(), stop: () => void stop() };
}

describe.skipIf(!bin)('PostgreSQL outage', () => {
  it('answers 503 database_unavailable with Retry-After while PostgreSQL is down, and 200 again once it is back', async () => {
    const pg = await startCluster();
    const database = await openDatabase({ databaseUrl: pg.url });
    let operator: string;
    try {
      await database.migrate();
      operator = (await createOrgFixture(database.db)).inA.operator.username;
    } finally {
      await database.close();
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-faults-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server: ServerProcess = await startServerProcess({
      DATABASE_URL: pg.url,
      DATA_DIR: dataDir,
    });
    cleanups.push(() => server.kill());
    const cookie = await signIn(server.baseURL, operator, TEST_PASSWORD);
    const jobs = () => call(server.baseURL, cookie, 'GET', '/api/jobs');
    expect((await jobs()).status).toBe(200);

    pg.stop();
    const down = await until(
      'an answer while PostgreSQL is down',
      async () => {
        const r = await jobs();
        return r.status === 0 ? undefined : r;
      },
      30_000,
    );
    expect(down.status, JSON.stringify(down.body)).toBe(503);
    expect(down.body).toMatchObject({ error: { code: 'database_unavailable' } });
    expect(down.headers?.get('retry-after')).toMatch(/^\d+$/);
    const login = await call(server.baseURL, '', 'POST', '/api/auth/login', {
      username: operator,
      password: TEST_PASSWORD,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(503);
    expect((await call(server.baseURL, '', 'GET', '/readyz')).status).toBe(503);

    const downAt = Date.now();
    pg.start();
    await until(
      '200 again after PostgreSQL is back',
      async () => ((await jobs()).status === 200 ? true : undefined),
      60_000,
      250,
    );
    expect(server.child.exitCode, 'the same process serves again').toBeNull();
    console.log(
      `faults: PostgreSQL outage → 503, recovered ${Date.now() - downAt} ms after restart`,
    );
    await server.stop();
  });
});
