/**
 * Results intake benchmark: a 10,000-row one-stop export from upload to committed jobs over
 * HTTP, then the intake API at 1,000 dossiers per request, on PGlite and, when DATABASE_URL
 * names a PostgreSQL server, on PostgreSQL too.
 *
 *   npm run bench:intake -- [--rows 10000] [--batches 10]
 *   DATABASE_URL=postgres://… npm run bench:intake
 *
 * Goal: 10,000 rows in under 30 s, peak memory under 300 MB.
 */
import { spawnSync } from 'node:child_process';

import { benchIntakeApi, printIntakeApi } from './intake-api';
import { benchIntakeFile, intakeFileLine } from './intake-file';

function batchesArg(argv: string[]): number {
  const i = argv.indexOf('--batches');
  if (i < 0) return 10;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0 || n > 100) throw new Error('--batches needs 1…100');
  return n;
}

function rowsArg(argv: string[]): number {
  const i = argv.indexOf('--rows');
  if (i < 0) return 10_000;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n <= 0 || n > 20_000) throw new Error('--rows needs 1…20000');
  return n;
}

/** One database's run, in this process (what each child does). */
async function runHere(rows: number, batches: number) {
  console.log(intakeFileLine(await benchIntakeFile(rows)));
  printIntakeApi(await benchIntakeApi({ batches }));
}

/**
 * Each database runs in a process of its own, so the peak memory of the PostgreSQL run is the
 * app's and not what the embedded PGlite run left behind in the same process.
 */
async function main() {
  const rows = rowsArg(process.argv.slice(2));
  const batches = batchesArg(process.argv.slice(2));
  if (process.env.INTAKE_BENCH_CHILD === '1') return runHere(rows, batches);
  const serverUrl = process.env.DATABASE_URL;
  const runs: (string | undefined)[] = [undefined, ...(serverUrl ? [serverUrl] : [])];
  for (const url of runs) {
    const env: NodeJS.ProcessEnv = { ...process.env, INTAKE_BENCH_CHILD: '1' };
    if (url) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env,
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`the ${url ? 'PostgreSQL' : 'PGlite'} run failed`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
