// Entry point of the documents' worker thread: builds a bundle PDF (asking the parent for one
// scan at a time) or counts an uploaded PDF's pages, off the request thread. Kept minimal so
// that the thread only loads pdf-lib, sharp and the bundle builder.
import { parentPort, workerData } from 'node:worker_threads';
import { buildBundle, countPdfPages, type BundleInput } from './documents.bundle';
import type { WorkerReply, WorkerTask } from './documents.worker-run';

async function run(task: WorkerTask): Promise<WorkerReply> {
  if (task.task === 'countPdfPages') {
    return { ok: true, type: 'pages', pages: await countPdfPages(task.bytes) };
  }
  const port = parentPort!;
  const waiting = new Map<number, (input: BundleInput) => void>();
  port.on('message', (msg: BundleInput & { index: number }) => {
    waiting.get(msg.index)?.(msg);
    waiting.delete(msg.index);
  });
  const next = (index: number) =>
    new Promise<BundleInput>((resolve) => {
      waiting.set(index, resolve);
      port.postMessage({ type: 'need', index });
    });
  const res = await buildBundle(task.count, next, task.options);
  return { ok: true, type: 'bundle', ...res };
}

run(workerData as WorkerTask).then(
  (reply) => {
    parentPort?.postMessage(reply);
    parentPort?.close();
  },
  (error: unknown) => {
    parentPort?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReply);
    parentPort?.close();
  },
);
