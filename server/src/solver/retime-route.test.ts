import { describe, expect, it } from 'vitest';
import { retimeRoute } from './retime-route';
import { lineProblem, lineRouteAThenB } from './line-problem.fixture';

const problem = lineProblem(60, [
  { id: 'c', index: 2, earliest: 0, latest: 100, serviceTime: 5, size: 1 },
]);

describe('retimeRoute', () => {
  it('schedules stops in the given order, waiting for windows to open', () => {
    expect(retimeRoute(problem, 'an', ['a', 'b'])).toEqual({
      route: lineRouteAThenB(),
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
