import { Worker } from 'node:worker_threads';
import { typeScriptWorkerScript } from '../../lib/typescript-worker';
import type { BundleInput, BundleOptions, BundleResult } from './documents.bundle';

/** What the documents' thread is asked to do. */
export type WorkerTask =
  | { task: 'bundle'; count: number; options: BundleOptions }
  | { task: 'countPdfPages'; bytes: Uint8Array };

/** What it answers. */
export type WorkerReply =
  | ({ ok: true; type: 'bundle' } & BundleResult)
  | { ok: true; type: 'pages'; pages: number }
  | { ok: false; message: string };

/** How one thread is run. */
export type WorkerRunOptions = {
  /** The thread is stopped and the call rejected after this long. */
  timeoutMs: number;
  /** Heap of the thread in MB; past it the thread is stopped, not the server. */
  maxHeapMb: number;
  /** For a bundle: gives the i-th scan when the thread asks for it. */
  provide?: (index: number) => Promise<BundleInput>;
};

/** The thread failed, ran out of memory or of time; `reason` is for the log. */
export class WorkerFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'crashed' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs one task on a fresh worker thread with a bounded heap and a deadline, so that building
 * a bundle (pdf-lib is synchronous JavaScript) never blocks the request thread and a huge or
 * hostile file costs at most one thread, which is then dropped.
 */
export function runDocumentsWorker(task: WorkerTask, opts: WorkerRunOptions): Promise<WorkerReply> {
  return new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(
      typeScriptWorkerScript(new URL('./documents.worker.ts', import.meta.url), {
        lowerPriority: true,
      }),
      {
        eval: true,
        workerData: task,
        resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      },
    );
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new WorkerFailed('timeout', 'documents worker timed out'))),
      opts.timeoutMs,
    );
    worker.on('message', (msg: WorkerReply | { type: 'need'; index: number }) => {
      if ('type' in msg && msg.type === 'need') {
        const { index } = msg;
        void (
          opts.provide?.(index) ?? Promise.resolve({ contentType: '', bytes: new Uint8Array() })
        )
          .catch(() => ({ contentType: '', bytes: new Uint8Array() }))
          .then((input) => {
            if (!settled) worker.postMessage({ index, ...input });
          });
        return;
      }
      const reply = msg as WorkerReply;
      finish(() =>
        reply.ok ? resolve(reply) : reject(new WorkerFailed('refused', reply.message)),
      );
    });
    worker.once('error', (error) =>
      finish(() => reject(new WorkerFailed('crashed', error.message))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new WorkerFailed('crashed', `documents worker exited with ${code}`))),
    );
  });
}
