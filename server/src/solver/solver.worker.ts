// Entry point of the solver's worker thread: solve the problem it was started with and post
// the plan back. Kept minimal so that the thread only loads the solver.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { solveVrptw } from './solver';
import type { SolveOptions, VrpProblem } from './types';

// On Linux a nice value belongs to the calling thread, so this lowers only the search thread:
// when the CPUs are busy, request threads win. Elsewhere it would renice the whole server.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted in some containers; the search then just runs at normal priority.
  }
}

const { problem, options } = workerData as { problem: VrpProblem; options: SolveOptions };
try {
  parentPort?.postMessage({ ok: true, plan: solveVrptw(problem, options) });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
