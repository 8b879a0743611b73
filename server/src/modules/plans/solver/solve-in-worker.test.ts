import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { solveInWorker } from './solve-in-worker';
import { solveVrptw } from './solver';
import { validatePlan } from './validator';
import { randomInstance } from './vrp-test-helpers';

/** Largest delay of a 10 ms timer, sampled until `until` settles. */
async function worstTimerLag(until: Promise<unknown>): Promise<number> {
  let worst = 0;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await new Promise((r) => setTimeout(r, 10));
    worst = Math.max(worst, performance.now() - asked - 10);
  }
  return worst;
}

function get(port: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    })
      .on('error', reject)
      .end();
  });
}

describe('solveInWorker', () => {
  it('returns the same plan as solving on the calling thread', async () => {
    const problem = randomInstance(3, { jobs: 30, vehicles: 3, mustRate: 0.1 });
    const here = solveVrptw(problem, { maxIterations: 300, seed: 5 });
    const there = await solveInWorker(problem, { maxIterations: 300, seed: 5 });
    expect({ ...there, elapsedMs: 0 }).toEqual({ ...here, elapsedMs: 0 });
    expect(validatePlan(problem, there).valid).toBe(true);
  });

  it('keeps timers and http requests on the main thread served during a 2-second solve', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const problem = randomInstance(11, { jobs: 120, vehicles: 10, windowWidth: 200 });
      const solving = solveInWorker(problem, { timeBudgetMs: 2000, seed: 1 });
      const lag = worstTimerLag(solving);
      const latencies: number[] = [];
      await new Promise((r) => setTimeout(r, 500)); // well inside the search, past start-up
      for (let i = 0; i < 5; i++) {
        latencies.push(await get(port));
        await new Promise((r) => setTimeout(r, 200));
      }
      const plan = await solving;
      expect(plan.iterations).toBeGreaterThan(0);
      expect(Math.max(...latencies)).toBeLessThan(50);
      expect(await lag).toBeLessThan(50);
    } finally {
      server.close();
    }
  }, 15_000);

  it('rejects with the solver error message', async () => {
    const problem = randomInstance(4, { jobs: 3, vehicles: 1 });
    problem.jobs[0]!.index = 999;
    await expect(solveInWorker(problem, { maxIterations: 10 })).rejects.toThrow(
      /outside the matrix/,
    );
  });

  it('stops the worker when the caller aborts', async () => {
    const problem = randomInstance(4, { jobs: 50, vehicles: 4 });
    const controller = new AbortController();
    const solving = solveInWorker(problem, { timeBudgetMs: 10_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(solving).rejects.toThrow(/aborted/);
  });
});
