/**
 * Realtime benchmark: simulated couriers send a position every 5 s over socket.io,
 * simulated dispatchers listen; prints accepted positions per second, emit → receive
 * latency (p50/p95/p99), lost deliveries, and the server's CPU and memory.
 *
 *   npm run bench:realtime -- --couriers 1000 --dispatchers 20 --seconds 60
 *
 * The server is one real process (`server/src/main.ts`) started here on a free port, on
 * the embedded database in a fresh data directory, or on a fresh database of the
 * PostgreSQL server named by DATABASE_URL. The courier and dispatcher users (and their
 * sessions) are written straight into that database before the server starts; nothing is
 * added to the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createServerDatabase, dropServerDatabase } from '../support/test-db';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CouriersMovedPayload,
  ServerToClientEvents,
} from '@tannha/shared';
import { openDatabase, queryRows, type Database } from '../../server/src/db/client';
import { seedDemoData } from '../../server/src/demo/demo-seed';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INTERVAL_MS = 5000;
const SESSION_SECRET = randomBytes(32).toString('hex');

/** The signed-cookie format cookie-parser reads: value.base64(HMAC-SHA256) without padding. */
function sign(value: string, secret: string): string {
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const COURIERS = arg('couriers', 1000);
const DISPATCHERS = arg('dispatchers', 20);
const SECONDS = arg('seconds', 60);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh database: PostgreSQL (new database on the server) or PGlite in a temp dir. */
async function prepareDatabase(
  dataDir: string,
): Promise<{ database: Database; url?: string; drop?: () => Promise<void> }> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const database = await openDatabase({ dataDir });
    await database.migrate();
    return { database };
  }
  const name = `tn_bench_${Date.now().toString(36)}`;
  const url = await createServerDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  return {
    database,
    url,
    drop: () => dropServerDatabase(serverUrl, name),
  };
}

/** Writes N couriers (on duty, spread over the Biên Hòa post offices) and M dispatchers, each with a session; returns their cookies. */
async function seedUsers(database: Database, dataDir: string) {
  const db = database.db;
  await seedDemoData(db, { password: 'bench-Pass-1022', dataDir });
  const offices = await queryRows<{ id: string; lat: number; lng: number }>(
    db,
    sql`select id, lat, lng from units where code like 'DNI-BH-%' order by code`,
  );
  const area = (
    await queryRows<{ id: string }>(db, sql`select id from units where code = 'DNI-BH'`)
  )[0]!.id;
  const hash = (
    await queryRows<{ password_hash: string }>(
      db,
      sql`select password_hash from users where username = 'courier1'`,
    )
  )[0]!.password_hash;
  const make = async (role: 'courier' | 'dispatcher', n: number) => {
    const out: { id: string; cookie: string; lat: number; lng: number }[] = [];
    for (let start = 0; start < n; start += 500) {
      const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => {
        const i = start + k;
        const office = offices[i % offices.length]!;
        return {
          username: `bench-${role}-${i}`,
          unitId: role === 'courier' ? office.id : area,
          office,
        };
      });
      const rows = await queryRows<{ id: string; username: string }>(
        db,
        sql`insert into users (username, password_hash, full_name, role, unit_id)
            values ${sql.join(
              batch.map(
                (b) => sql`(${b.username}, ${hash}, ${b.username}, ${role}, ${b.unitId}::uuid)`,
              ),
              sql`, `,
            )}
            returning id, username`,
      );
      const tokens = rows.map(() => randomBytes(24).toString('base64url'));
      await db.execute(
        sql`insert into sessions (id, user_id, expires_at) values ${sql.join(
          rows.map(
            (r, k) =>
              sql`(${createHash('sha256').update(tokens[k]!).digest('hex')}, ${r.id}::uuid, now() + interval '1 day')`,
          ),
          sql`, `,
        )}`,
      );
      if (role === 'courier') {
        await db.execute(
          sql`insert into courier_status (courier_id, on_duty, on_duty_since, shift_end) values ${sql.join(
            rows.map((r) => sql`(${r.id}::uuid, true, now(), '23:59')`),
            sql`, `,
          )}`,
        );
      }
      rows.forEach((r, k) => {
        const o = batch[k]!.office;
        out.push({
          id: r.id,
          cookie: `tn_sid=${encodeURIComponent('s:' + sign(tokens[k]!, SESSION_SECRET))}`,
          lat: o.lat + (Math.random() - 0.5) * 0.03,
          lng: o.lng + (Math.random() - 0.5) * 0.03,
        });
      });
    }
    return out;
  };
  return {
    couriers: await make('courier', COURIERS),
    dispatchers: await make('dispatcher', DISPATCHERS),
  };
}

function startServer(port: number, dataDir: string, databaseUrl: string | undefined): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    SESSION_SECRET,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  // node --import tsx: one process, so its CPU and memory are the server's own.
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string): Promise<void> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready in 60 s');
}

/** CPU seconds (user + system) and RSS in MB of a process, from /proc. */
function procUsage(pid: number): { cpuSec: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSec: ticks / 100, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

function connect(base: string, cookie: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = io(base, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
      forceNew: true,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-bench-rt-'));
  const kind = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'embedded PGlite';
  process.stdout.write(
    `realtime benchmark: ${COURIERS} couriers, ${DISPATCHERS} dispatchers, ${SECONDS} s, ${kind}\n`,
  );
  const prepared = await prepareDatabase(dataDir);
  const users = await seedUsers(prepared.database, dataDir);
  await prepared.database.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, dataDir, prepared.url);
  let result: number;
  const sockets: Client[] = [];
  try {
    await waitReady(base);
    const dispatchers: Client[] = [];
    for (const d of users.dispatchers) dispatchers.push(await connect(base, d.cookie));
    sockets.push(...dispatchers);
    const couriers: Client[] = [];
    for (let i = 0; i < users.couriers.length; i += 50) {
      couriers.push(
        ...(await Promise.all(users.couriers.slice(i, i + 50).map((c) => connect(base, c.cookie)))),
      );
    }
    sockets.push(...couriers);
    process.stdout.write(
      `connected ${couriers.length} couriers and ${dispatchers.length} dispatchers\n`,
    );

    const sentAt = new Map<string, number>();
    const sentWall = new Map<string, number>();
    const latencies: number[] = [];
    // Where the time goes (wall clock, shared with the server): phone → server accepted, server → dispatcher.
    const ingress: number[] = [];
    const egress: number[] = [];
    let received = 0;
    let measuring = true;
    for (const d of dispatchers) {
      d.on('couriers.moved', (p: CouriersMovedPayload) => {
        const key = `${p.courierId}|${p.at}`;
        const t0 = sentAt.get(key);
        if (t0 === undefined) return;
        received++;
        latencies.push(performance.now() - t0);
        egress.push(Date.now() - p.serverAt);
        if (d === dispatchers[0]) ingress.push(p.serverAt - sentWall.get(key)!);
      });
    }

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    let sent = 0;
    let acked = 0;
    let refused = 0;
    const timers: NodeJS.Timeout[] = [];
    const usage0 = procUsage(server.pid!);
    const t0 = performance.now();
    let peakRss = usage0.rssMb;
    const rssTimer = setInterval(
      () => (peakRss = Math.max(peakRss, procUsage(server.pid!).rssMb)),
      1000,
    );
    users.couriers.forEach((c, i) => {
      const sock = couriers[i]!;
      let lat = c.lat;
      let lng = c.lng;
      const send = () => {
        if (!measuring) return;
        // About 10 m per fix: a courier on foot or a slow motorbike.
        lat += (Math.random() - 0.5) * 0.0002;
        lng += (Math.random() - 0.5) * 0.0002;
        const at = new Date().toISOString();
        const key = `${c.id}|${at}`;
        sentAt.set(key, performance.now());
        sentWall.set(key, Date.now());
        sent++;
        sock.emit('couriers.position', { lat, lng, accuracy: 10, at }, (ack) => {
          if (ack.ok) acked++;
          else {
            refused++;
            sentAt.delete(key);
          }
        });
      };
      // Staggered over the first interval, then every 5 s.
      timers.push(
        setTimeout(
          () => {
            send();
            timers.push(setInterval(send, INTERVAL_MS));
          },
          (i / users.couriers.length) * INTERVAL_MS,
        ),
      );
    });
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    for (const t of timers) clearTimeout(t);
    const elapsed = (performance.now() - t0) / 1000;
    // Grace period for deliveries in flight.
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(rssTimer);
    const usage1 = procUsage(server.pid!);

    const expected = (sent - refused) * DISPATCHERS;
    const lost = expected - received;
    latencies.sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => pct(latencies, p));
    const cpu = ((usage1.cpuSec - usage0.cpuSec) / (elapsed + 2)) * 100;
    const lines = [
      `positions sent ${sent}, acknowledged ${acked}, refused ${refused}`,
      `accepted positions/s ${(acked / elapsed).toFixed(1)}`,
      `deliveries to dispatchers ${received} of ${expected}`,
      `latency emit → dispatcher: p50 ${p50!.toFixed(1)} ms, p95 ${p95!.toFixed(1)} ms, p99 ${p99!.toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1) ?? '-'} ms`,
      `  of which courier → server accepted p99 ${pct(
        ingress.sort((a, b) => a - b),
        99,
      ).toFixed(0)} ms, server → dispatcher p99 ${pct(
        egress.sort((a, b) => a - b),
        99,
      ).toFixed(0)} ms`,
      `benchmark's own event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms (client-side share of the latency)`,
      `server CPU ${cpu.toFixed(1)} % of one core (avg), RSS ${usage1.rssMb.toFixed(0)} MB (peak ${peakRss.toFixed(0)} MB)`,
      `realtime: ${COURIERS} couriers, ${DISPATCHERS} dispatchers, p99 ${Math.round(p99!)} ms, lost ${lost}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    result = lost === 0 && p99! < 250 ? 0 : 2;
  } finally {
    for (const s of sockets) s.disconnect();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await prepared.drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = result;
}

void main().catch((err) => {
  process.stderr.write(`realtime benchmark failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
