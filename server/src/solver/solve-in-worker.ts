import { Worker } from 'node:worker_threads';
import { typeScriptWorkerScript } from '../lib/typescript-worker';
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
    const worker = new Worker(
      typeScriptWorkerScript(new URL('./solver.worker.ts', import.meta.url)),
      { eval: true, workerData: { problem, options } },
    );
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
