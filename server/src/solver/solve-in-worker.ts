import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SolveOptions, VrpPlan, VrpProblem } from './types';

/** Options of the worker wrapper itself (not of the search). */
export interface WorkerRunOptions {
  /** Aborting stops the worker thread and rejects with an AbortError. */
  signal?: AbortSignal;
}

type WorkerReply = { ok: true; plan: VrpPlan } | { ok: false; message: string };

/**
 * Runs solveVrptw on a worker thread so the request thread keeps serving while the search
 * uses a CPU for its whole budget. The thread compiles the TypeScript sources itself, so this
 * works the same under the server's TypeScript runner, in tests, and without a build step.
 */
export function solveInWorker(
  problem: VrpProblem,
  options: SolveOptions = {},
  run: WorkerRunOptions = {},
): Promise<VrpPlan> {
  return new Promise<VrpPlan>((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new DOMException('solve aborted', 'AbortError'));
      return;
    }
    const worker = new Worker(bootstrapScript(), { eval: true, workerData: { problem, options } });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      void worker.terminate();
      finish(() => reject(new DOMException('solve aborted', 'AbortError')));
    };
    run.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => {
      finish(() => (reply.ok ? resolve(reply.plan) : reject(new Error(reply.message))));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => {
      finish(() => reject(new Error(`solver worker exited with code ${code} before answering`)));
    });
  });
}

/**
 * The thread's first code: register the TypeScript loader, then import the worker entry.
 * `execArgv: ['--import', 'tsx']` is not enough on Node 20 — loader hooks given on a worker's
 * command line do not reach the modules it imports — so the loader is registered from inside.
 * Both paths are resolved here, from this file, not from the process's working directory.
 */
function bootstrapScript(): string {
  const loaderApi = resolveLoaderApi();
  const entry = new URL('./solver.worker.ts', import.meta.url).href;
  return (
    `import(${JSON.stringify(loaderApi)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(entry)}); })` +
    `.catch((error) => { process.nextTick(() => { throw error; }); });`
  );
}

/** URL of the loader's ESM registration API (its "import" export, not the CommonJS one). */
function resolveLoaderApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Runners that rewrite import.meta may not offer resolve(); the package layout is stable.
    const pkg = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
    return new URL('./dist/esm/api/index.mjs', pkg).href;
  }
}
