/**
 * Route-planner benchmark: solves every VRPLIB instance (`*.vrp` with a `*.sol` beside it) in
 * a folder with a fixed time budget and compares with the best-known cost.
 *
 *   npm run bench:vrp -- <folder> [--budget-ms 2000] [--seed 1]
 *
 * Costs follow the DIMACS convention (edges truncated to one decimal, summed in integer
 * tenths). Validity is judged by the independent checkers, never by the solver itself.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { solveVrptw } from '../../server/src/solver/solver';
import { checkVrplibRoutes, validatePlan } from '../../server/src/solver/validator';
import { parseVrplib, parseVrplibSolution, vrplibToProblem } from '../../server/src/solver/vrplib';

function parseArgs(argv: string[]): { folder: string; budgetMs: number; seed: number } {
  let folder: string | undefined;
  let budgetMs = 2000;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === '--budget-ms') budgetMs = value();
    else if (a.startsWith('--budget-ms=')) budgetMs = Number(a.slice('--budget-ms='.length));
    else if (a === '--seed') seed = value();
    else if (a.startsWith('--seed=')) seed = Number(a.slice('--seed='.length));
    else if (!a.startsWith('--')) folder = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!folder) throw new Error('usage: bench:vrp -- <folder> [--budget-ms N] [--seed N]');
  return { folder, budgetMs, seed };
}

const { folder, budgetMs, seed } = parseArgs(process.argv.slice(2));
const names = readdirSync(folder)
  .filter((f) => f.endsWith('.vrp') && existsSync(join(folder, f.replace(/\.vrp$/, '.sol'))))
  .sort();

let valid = 0;
const gaps: number[] = [];
const times: number[] = [];
console.log(`vrp: budget ${budgetMs} ms per instance, seed ${seed}`);
for (const file of names) {
  const name = basename(file, '.vrp');
  const inst = parseVrplib(readFileSync(join(folder, file), 'utf8'));
  const bks = parseVrplibSolution(readFileSync(join(folder, `${name}.sol`), 'utf8'));
  const bksTenths = Math.round((bks.cost ?? NaN) * 10);
  // The best-known routes must score their stated cost under our convention, or the gap
  // would compare different measures.
  const bksCheck = checkVrplibRoutes(inst, bks.routes);
  if (!bksCheck.valid || bksCheck.costTenths !== bksTenths) {
    console.log(
      `    note: ${name}.sol recomputes to ${bksCheck.costTenths / 10}` +
        (bksCheck.valid ? '' : ` and breaks: ${bksCheck.violations[0]}`),
    );
  }
  const problem = vrplibToProblem(inst);

  const t0 = performance.now();
  const plan = solveVrptw(problem, { timeBudgetMs: budgetMs, seed });
  const ms = performance.now() - t0;

  const routes = plan.routes.map((r) => r.stops.map((s) => Number(s.jobId)));
  const check = checkVrplibRoutes(inst, routes);
  const generic = validatePlan(problem, plan);
  const ok = check.valid && generic.valid && plan.unassigned.length === 0;
  if (ok) valid++;
  const gap = ((check.costTenths - bksTenths) / bksTenths) * 100;
  gaps.push(gap);
  times.push(ms);
  console.log(
    [
      name.padEnd(8),
      `routes ${String(check.routes).padStart(2)}/${inst.vehicles ?? '-'}`,
      `distance ${(check.costTenths / 10).toFixed(1).padStart(7)}`,
      `best-known ${(bksTenths / 10).toFixed(1).padStart(7)} (${bks.routes.length})`,
      `gap ${gap.toFixed(2).padStart(5)}%`,
      `time ${ms.toFixed(0).padStart(5)} ms`,
      `iterations ${String(plan.iterations).padStart(7)}`,
      ok ? 'valid' : 'INVALID',
    ].join('  '),
  );
  if (!ok) {
    const problems = [...check.violations, ...generic.violations];
    if (plan.unassigned.length > 0) problems.push(`${plan.unassigned.length} jobs unassigned`);
    for (const v of problems.slice(0, 10)) console.log(`    ${v}`);
  }
}
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
console.log(
  `vrp: ${names.length} instances, ${valid} valid, mean gap ${mean(gaps).toFixed(2)}%, ` +
    `max gap ${(gaps.length ? Math.max(...gaps) : 0).toFixed(2)}%, mean time ${mean(times).toFixed(0)} ms`,
);
