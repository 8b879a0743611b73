/**
 * Intake API benchmark: the one-stop system sending batches of 1,000 finished dossiers to
 * `POST /api/intake/results` over real HTTP, on a fresh database (in-memory PGlite, or a new
 * database on the PostgreSQL server named by DATABASE_URL). Prints per-request times and
 *
 *   intake api: 1000 per request, p95 … ms
 *
 *   npx tsx test/bench/intake-api.ts [--batches 10]
 *
 * The dossiers are synthetic (generated here: ward codes, names and phones of no real person).
 * Each batch is new dossiers (created); one batch is then sent again to time the idempotent
 * path (all unchanged).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Db } from '../../server/src/db/client';
import { adminProvinces, adminWards, unitServiceWards } from '../../server/src/db/schema';
import type { AuthContext } from '../../server/src/lib/http';
import { createIntakeKey } from '../../server/src/modules/intake-keys/intake-keys.service';
import { buildTestApp } from '../support/app';
import { createProcedure, createUnit, createUser } from '../support/factories';

const BATCH = 1000;
const WARDS = 40;

/** What one run measured. */
export type IntakeApiBench = {
  batches: number;
  perRequestMs: number[];
  p50: number;
  p95: number;
  rowsPerSecond: number;
  /** The idempotent resend of a batch (all unchanged). */
  resendMs: number;
  peakRssMb: number;
  database: 'pglite' | 'postgresql';
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** A province with {@link WARDS} wards served by two post offices, a procedure and an admin. */
async function benchWorld(db: Db) {
  const effectiveDate = '2025-07-01';
  await db
    .insert(adminProvinces)
    .values({
      code: '75',
      name: 'Đồng Nai',
      fullName: 'Tỉnh Đồng Nai',
      kind: 'Tỉnh',
      effectiveDate,
    })
    .onConflictDoNothing();
  const province = await createUnit(db, { kind: 'province_office', name: 'Bưu điện tỉnh' });
  const offices = [
    await createUnit(db, { parentId: province.id, name: 'Bưu cục Trấn Biên' }),
    await createUnit(db, { parentId: province.id, name: 'Bưu cục Long Khánh' }),
  ];
  const wardCodes = Array.from({ length: WARDS }, (_, i) => String(27_000 + i));
  await db.insert(adminWards).values(
    wardCodes.map((code, i) => ({
      code,
      provinceCode: '75',
      name: `Mẫu ${i + 1}`,
      fullName: `Phường Mẫu ${i + 1}`,
      kind: 'Phường',
      effectiveDate,
    })),
  );
  await db
    .insert(unitServiceWards)
    .values(wardCodes.map((wardCode, i) => ({ wardCode, unitId: offices[i % 2]!.id })));
  const procedure = await createProcedure(db, { code: '1.001622', name: 'Trích lục hộ tịch' });
  const admin = await createUser(db, 'admin', province.id);
  const auth: AuthContext = {
    user: {
      id: admin.id,
      username: admin.username,
      fullName: admin.fullName,
      role: 'admin',
      unitId: province.id,
      unitName: province.name,
    },
    unitIds: [province.id, ...offices.map((o) => o.id)],
    sessionId: 'bench',
    unitIsTop: true,
  };
  return { auth, province, wardCodes, procedureCode: procedure.code };
}

/** Batch `b` of synthetic dossiers (codes and phones unique across batches). */
function batchOf(b: number, wardCodes: string[], procedureCode: string) {
  return Array.from({ length: BATCH }, (_, i) => {
    const n = b * BATCH + i;
    return {
      dossierCode: `H48.99.${String(b).padStart(2, '0')}-261201-${String(i).padStart(4, '0')}`,
      procedureCode,
      recipientName: `Người Nhận Mẫu ${n}`,
      phone: `09${String(10_000_000 + n).slice(-8)}`,
      addressText: `${(n % 300) + 1} Đường Mẫu ${n % 17}, khu phố ${n % 9}`,
      wardCode: wardCodes[n % wardCodes.length],
      resultReadyDate: '2026-12-15',
      feeDueVnd: (n % 3) * 10_000,
      postalChargeVnd: 26_000,
      postalChargePayer: n % 5 === 0 ? 'agency' : 'citizen',
      notes: 'DỮ LIỆU MẪU – không phải hồ sơ thật',
    };
  });
}

/** Sends `batches` batches of 1,000 to a fresh app and measures each request. */
export async function benchIntakeApi(opts: { batches?: number } = {}): Promise<IntakeApiBench> {
  const batches = opts.batches ?? 10;
  const t = await buildTestApp();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const server: Server = createServer(t.app);
  try {
    const w = await benchWorld(t.database.db);
    const { secret } = await createIntakeKey(t.database.db, w.auth, {
      name: 'Hệ thống một cửa (đo tải)',
      unitId: w.province.id,
      rateLimitPerMinute: 600,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/intake/results`;
    const post = async (results: unknown[]) => {
      const body = JSON.stringify({ results });
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body,
      });
      const answer = (await res.json()) as { counts?: Record<string, number> };
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(answer)}`);
      return { ms, counts: answer.counts! };
    };
    const perRequestMs: number[] = [];
    for (let b = 0; b < batches; b++) {
      const { ms, counts } = await post(batchOf(b, w.wardCodes, w.procedureCode));
      if (counts.created !== BATCH) throw new Error(`batch ${b}: ${JSON.stringify(counts)}`);
      perRequestMs.push(ms);
    }
    const again = await post(batchOf(0, w.wardCodes, w.procedureCode));
    if (again.counts.unchanged !== BATCH)
      throw new Error(`resend: ${JSON.stringify(again.counts)}`);
    const total = perRequestMs.reduce((a, b) => a + b, 0);
    return {
      batches,
      perRequestMs,
      p50: pct(perRequestMs, 50),
      p95: pct(perRequestMs, 95),
      rowsPerSecond: (batches * BATCH) / (total / 1000),
      resendMs: again.ms,
      peakRssMb: peak / 1024 / 1024,
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    };
  } finally {
    clearInterval(sampler);
    await new Promise<void>((resolve) =>
      server.listening ? server.close(() => resolve()) : resolve(),
    );
    await t.close();
  }
}

/** Prints a run the way `npm run bench:intake` reports it. */
export function printIntakeApi(r: IntakeApiBench): void {
  console.log(
    `intake api (${r.database}): ${r.batches} requests of 1000 new dossiers, p50 ${r.p50.toFixed(0)} ms, ` +
      `${r.rowsPerSecond.toFixed(0)} rows/s; the same batch again (all unchanged) ${r.resendMs.toFixed(0)} ms; ` +
      `peak ${r.peakRssMb.toFixed(0)} MB`,
  );
  console.log(`intake api: 1000 per request, p95 ${r.p95.toFixed(0)} ms`);
}

function parseBatches(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--batches' || a.startsWith('--batches='));
  if (i < 0) return 10;
  const v = Number(argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error('--batches needs a positive whole number');
  return v;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchIntakeApi({ batches: parseBatches(process.argv.slice(2)) })
    .then(printIntakeApi)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
