/** The route planner's solver: pure computation, no web or database knowledge. */
export { solveVrptw } from './solver';
export { solveInWorker } from './solve-in-worker';
export { validatePlan, checkVrplibRoutes } from './validator';
export { retimeRoute } from './retime-route';
export { parseVrplib, parseVrplibSolution, vrplibToProblem } from './vrplib';
export type * from './types';
