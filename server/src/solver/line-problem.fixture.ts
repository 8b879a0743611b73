import type { VrpJob, VrpProblem, VrpRoute } from './types';

/**
 * A small problem for the solver's tests: three places on a line, 10 apart both in distance and
 * in time (0 — 1 — 2); one vehicle `an` from place 0 back to 0 with room for 3, free from 0 to
 * `shiftEnd`; job `a` at place 1 (size 2, 0–50) and job `b` at place 2 (size 1, 30–40), then
 * `moreJobs`.
 */
export function lineProblem(shiftEnd: number, moreJobs: VrpJob[] = []): VrpProblem {
  const d = [
    [0, 10, 20],
    [10, 0, 10],
    [20, 10, 0],
  ];
  return {
    vehicles: [{ id: 'an', startIndex: 0, endIndex: 0, shiftStart: 0, shiftEnd, capacity: 3 }],
    jobs: [
      { id: 'a', index: 1, earliest: 0, latest: 50, serviceTime: 5, size: 2 },
      { id: 'b', index: 2, earliest: 30, latest: 40, serviceTime: 5, size: 1 },
      ...moreJobs,
    ],
    distance: d,
    time: d,
  };
}

/**
 * The route `an` drives on {@link lineProblem} for `a` then `b`: it waits at place 2 for `b`'s
 * window to open at 30 and is back home at 55.
 */
export function lineRouteAThenB(): VrpRoute {
  return {
    vehicleId: 'an',
    stops: [
      { jobId: 'a', arrival: 10, start: 10, departure: 15 },
      { jobId: 'b', arrival: 25, start: 30, departure: 35 },
    ],
    distance: 40,
    load: 3,
    end: 55,
  };
}
