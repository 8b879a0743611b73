import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { solveInWorker } from './solve-in-worker';
import { solveVrptw } from './solver';
import { validatePlan } from './validator';
import { randomInstance } from './vrp-test-helpers';

/** Delays of 10 ms timers fired back to back until `until` settles. */
async function timerLags(until: Promise<unknown>): Promise<number[]> {
  const lags: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await new Promise((r) => setTimeout(r, 10));
    lags.push(performance.now() - asked - 10);
  }
  return lags;
}

/** The value below which `share` of the samples fall. */
const quantile = (xs: number[], share: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * share))]!;

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

// Starting a thread compiles the solver's sources anew, which takes a while on a busy machine.
const WORKER_TIMEOUT = 30_000;

describe('solveInWorker', () => {
  it(
    'returns the same plan as solving on the calling thread',
    async () => {
      const problem = randomInstance(3, { jobs: 30, vehicles: 3, mustRate: 0.1 });
      const here = solveVrptw(problem, { maxIterations: 300, seed: 5 });
      const there = await solveInWorker(problem, { maxIterations: 300, seed: 5 });
      expect({ ...there, elapsedMs: 0 }).toEqual({ ...here, elapsedMs: 0 });
      expect(validatePlan(problem, there).valid).toBe(true);
    },
    WORKER_TIMEOUT,
  );

  it(
    'keeps timers and http requests on the main thread served during a 2-second solve',
    async () => {
      const server = createServer((_req, res) => res.end('ok'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      try {
        const problem = randomInstance(11, { jobs: 120, vehicles: 10, windowWidth: 200 });
        const solving = solveInWorker(problem, { timeBudgetMs: 2000, seed: 1 });
        const lags = timerLags(solving);
        const latencies: number[] = [];
        await new Promise((r) => setTimeout(r, 500)); // well inside the search, past start-up
        for (let i = 0; i < 6; i++) {
          latencies.push(await get(port));
          await new Promise((r) => setTimeout(r, 200));
        }
        const plan = await solving;
        expect(plan.iterations).toBeGreaterThan(0);
        // Were the search on this thread, every sample would wait for the whole 2 s. The
        // quantiles (rather than the maximum) keep one hiccup of a shared machine from failing it.
        expect(quantile(latencies, 0.75)).toBeLessThan(50);
        expect(quantile(await lags, 0.9)).toBeLessThan(50);
      } finally {
        server.close();
      }
    },
    WORKER_TIMEOUT,
  );

  it(
    'rejects with the solver error message',
    async () => {
      const problem = randomInstance(4, { jobs: 3, vehicles: 1 });
      problem.jobs[0]!.index = 999;
      await expect(solveInWorker(problem, { maxIterations: 10 })).rejects.toThrow(
        /outside the matrix/,
      );
    },
    WORKER_TIMEOUT,
  );

  it(
    'stops the worker when the caller aborts',
    async () => {
      const problem = randomInstance(4, { jobs: 50, vehicles: 4 });
      const controller = new AbortController();
      const solving = solveInWorker(
        problem,
        { timeBudgetMs: 10_000 },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 100);
      await expect(solving).rejects.toThrow(/aborted/);
    },
    WORKER_TIMEOUT,
  );
});
