import { describe, expect, it } from 'vitest';
import { retimeRoute } from './retime-route';
import type { VrpProblem } from './types';

const d = [
  [0, 10, 20],
  [10, 0, 10],
  [20, 10, 0],
];
const problem: VrpProblem = {
  vehicles: [{ id: 'an', startIndex: 0, endIndex: 0, shiftStart: 0, shiftEnd: 60, capacity: 3 }],
  jobs: [
    { id: 'a', index: 1, earliest: 0, latest: 50, serviceTime: 5, size: 2 },
    { id: 'b', index: 2, earliest: 30, latest: 40, serviceTime: 5, size: 1 },
    { id: 'c', index: 2, earliest: 0, latest: 100, serviceTime: 5, size: 1 },
  ],
  distance: d,
  time: d,
};

describe('retimeRoute', () => {
  it('schedules stops in the given order, waiting for windows to open', () => {
    expect(retimeRoute(problem, 'an', ['a', 'b'])).toEqual({
      route: {
        vehicleId: 'an',
        stops: [
          { jobId: 'a', arrival: 10, start: 10, departure: 15 },
          { jobId: 'b', arrival: 25, start: 30, departure: 35 },
        ],
        distance: 40,
        load: 3,
        end: 55,
      },
      violations: [],
    });
  });

  it('keeps an order that breaks rules and flags each broken rule', () => {
    const { route, violations } = retimeRoute(problem, 'an', ['c', 'a', 'b']);
    expect(route.stops.map((s) => s.jobId)).toEqual(['c', 'a', 'b']);
    expect(violations).toEqual([
      { jobId: 'b', kind: 'late' },
      { jobId: 'b', kind: 'capacity' },
      { jobId: 'b', kind: 'shift' },
    ]);
  });

  it('refuses unknown vehicles and jobs', () => {
    expect(() => retimeRoute(problem, 'binh', [])).toThrow(/unknown vehicle/);
    expect(() => retimeRoute(problem, 'an', ['zz'])).toThrow(/unknown job/);
  });
});
