// Entry point of the solver's worker thread: solve the problem it was started with and post
// the plan back. Kept minimal so that the thread only loads the solver.
import { parentPort, workerData } from 'node:worker_threads';
import { solveVrptw } from './solver';
import type { SolveOptions, VrpProblem } from './types';

const { problem, options } = workerData as { problem: VrpProblem; options: SolveOptions };
try {
  parentPort?.postMessage({ ok: true, plan: solveVrptw(problem, options) });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
