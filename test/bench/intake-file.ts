/**
 * The file half of `npm run bench:intake`: a synthetic one-stop export of N rows (10,000 by
 * default) goes through the real app over HTTP — upload → preview → commit — on a fresh
 * database (in-memory PGlite, or a new database on the server named by DATABASE_URL), timing
 * each step and sampling the process's resident memory (RSS) for the peak.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/src/db/client';
import { buildAppWith } from '../support/org-app';
import { createCitizen } from '../support/factories';
import { createIntakeFixture, sampleCsv } from '../support/intake-factories';

export type IntakeFileBench = {
  /** Which database it ran on. */
  database: 'pglite' | 'postgresql';
  rows: number;
  previewMs: number;
  commitMs: number;
  /** Upload → preview → commit. */
  totalMs: number;
  rowsPerSecond: number;
  /** Highest RSS seen while it ran (sampled every 20 ms), and before it started. */
  peakMb: number;
  baselineMb: number;
  /** CPU time of this process over the run (user + system): PGlite runs inside it, so this is the work without other processes' load. */
  cpuMs: number;
  /** Highest V8 heap in use (the app's own objects, without the database engine's memory). */
  heapPeakMb: number;
  created: number;
  /** The door there was before: one job at a time through POST /api/jobs (jobs per second). */
  oneByOnePerSecond: number;
  oneByOneJobs: number;
};

/** Jobs the baseline types one at a time. */
const ONE_BY_ONE = 200;

/**
 * The baseline, measured on the same app before the import: results entered one at a time
 * through `POST /api/jobs`, as an operator typing them would (the only door there was).
 */
async function oneByOne(
  agent: { post: (path: string) => import('supertest').Test },
  f: Awaited<ReturnType<typeof createIntakeFixture>>,
  citizenId: string,
): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < ONE_BY_ONE; i++) {
    const res = await agent.post('/api/jobs').send({
      type: 'result_delivery',
      citizenId,
      unitId: f.unitA.id,
      wardCode: '26041',
      procedureId: f.procedures.byPost.id,
      dossierCode: `H48.99.01-261207-${String(i + 1).padStart(4, '0')}`,
      addressText: `${i + 1} Võ Thị Sáu`,
    });
    if (res.status !== 201)
      throw new Error(`POST /api/jobs ${res.status} ${JSON.stringify(res.body)}`);
  }
  return ONE_BY_ONE / ((performance.now() - t0) / 1000);
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Runs one file import of `rows` rows on a fresh app and database and returns the figures.
 * Throws when the jobs in the database are not the rows the file holds.
 */
export async function benchIntakeFile(rows = 10_000): Promise<IntakeFileBench> {
  const { t, f, agents } = await buildAppWith(createIntakeFixture, (fx) => ({
    admin: fx.provinceAdmin,
  }));
  try {
    const citizen = await createCitizen(t.database.db, { unitId: f.unitA.id });
    const perSecond = await oneByOne(agents.admin, f, citizen.id);
    const file = sampleCsv(f, { rows, seed: 2026 });
    global.gc?.();
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    let heapPeak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 20);
    const send = (path: string) =>
      agents.admin
        .post(path)
        .query({ fileName: 'bench.csv' })
        .set('Content-Type', 'application/octet-stream')
        .send(file);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const pre = await send('/api/intake/imports/preview');
    const t1 = performance.now();
    const res = await send('/api/intake/imports');
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (pre.status !== 200 || res.status !== 201) {
      throw new Error(
        `intake failed: preview ${pre.status}, commit ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
    const [count] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from jobs where import_id = ${res.body.import.id}`,
    );
    if (count!.n !== res.body.counts.created || count!.n !== rows) {
      throw new Error(
        `expected ${rows} jobs, found ${count!.n} (answer: ${JSON.stringify(res.body.counts)})`,
      );
    }
    return {
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      rows,
      previewMs: Math.round(t1 - t0),
      commitMs: Math.round(t2 - t1),
      totalMs: Math.round(t2 - t0),
      rowsPerSecond: Math.round(rows / ((t2 - t0) / 1000)),
      peakMb: mb(peak),
      baselineMb: mb(baseline),
      heapPeakMb: mb(heapPeak),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      created: count!.n,
      oneByOnePerSecond: Math.round(perSecond * 10) / 10,
      oneByOneJobs: ONE_BY_ONE,
    };
  } finally {
    await t.close();
  }
}

/** The line `bench:intake` prints for a file run. */
export function intakeFileLine(b: IntakeFileBench): string {
  return (
    `intake: ${b.rows} rows in ${(b.totalMs / 1000).toFixed(1)} s, ${b.rowsPerSecond} rows/s, ` +
    `peak ${b.peakMb} MB  [${b.database}; preview ${(b.previewMs / 1000).toFixed(1)} s, ` +
    `commit ${(b.commitMs / 1000).toFixed(1)} s; CPU of this process ${(b.cpuMs / 1000).toFixed(1)} s; RSS before ${b.baselineMb} MB, JS heap peak ${b.heapPeakMb} MB; ` +
    `baseline, one at a time through POST /api/jobs: ${b.oneByOnePerSecond} jobs/s over ${b.oneByOneJobs}, ` +
    `${Math.round(b.rows / b.oneByOnePerSecond)} s for ${b.rows}]`
  );
}
