import { describe, expect, it } from 'vitest';
import { lineProblem, lineRouteAThenB } from './line-problem.fixture';
import type { VrpPlan } from './types';
import { checkVrplibRoutes, validatePlan } from './validator';
import { parseVrplib } from './vrplib';

const problem = lineProblem(100);
const good: VrpPlan = {
  routes: [lineRouteAThenB()],
  unassigned: [],
  totalDistance: 40,
  iterations: 0,
  elapsedMs: 0,
};
const edit = (change: (p: VrpPlan) => void): VrpPlan => {
  const copy = structuredClone(good);
  change(copy);
  return copy;
};

describe('validatePlan', () => {
  it('accepts a plan that keeps every rule', () => {
    expect(validatePlan(problem, good)).toEqual({ valid: true, violations: [] });
  });

  it('flags a stop started after its window closes', () => {
    const plan = edit((p) => {
      p.routes[0]!.stops.reverse();
      p.routes[0]!.stops[0] = { jobId: 'b', arrival: 20, start: 30, departure: 35 };
      p.routes[0]!.stops[1] = { jobId: 'a', arrival: 45, start: 45, departure: 50 };
      p.routes[0]!.end = 60;
    });
    expect(validatePlan(problem, plan).valid).toBe(true);
    const late = edit((p) => {
      p.routes[0]!.stops[1] = { jobId: 'b', arrival: 45, start: 45, departure: 50 };
      p.routes[0]!.end = 70;
    });
    expect(validatePlan(problem, late).violations).toEqual([
      'job b: starts at 45 after its window closes at 40',
    ]);
  });

  it('flags times that travel cannot achieve', () => {
    const plan = edit((p) => (p.routes[0]!.stops[0]!.arrival = 5));
    expect(validatePlan(problem, plan).violations[0]).toMatch(/before the earliest possible/);
  });

  it('flags an overloaded vehicle and a return after the shift', () => {
    const small = structuredClone(problem);
    small.vehicles[0]!.capacity = 2;
    small.vehicles[0]!.shiftEnd = 50;
    expect(validatePlan(small, good).violations).toEqual([
      'vehicle an: returns at 55 after its shift ends at 50',
      'vehicle an: load 3 exceeds capacity 2',
    ]);
  });

  it('flags a job planned twice, a job missing and wrong totals', () => {
    const plan = edit((p) => {
      p.routes[0]!.stops[1] = { jobId: 'a', arrival: 25, start: 25, departure: 30 };
      p.totalDistance = 41;
    });
    expect(validatePlan(problem, plan).violations).toEqual(
      expect.arrayContaining([
        'job a is planned twice',
        'job b is neither planned nor reported unassigned',
        'total distance 41 ≠ sum of routes 20',
      ]),
    );
  });

  it('flags a job on a vehicle it must not use', () => {
    const tied = structuredClone(problem);
    tied.jobs[0]!.mustVehicleId = 'binh';
    expect(validatePlan(tied, good).violations).toEqual(['job a must go with binh but is on an']);
  });
});

describe('checkVrplibRoutes', () => {
  const inst = parseVrplib(`NAME : tiny
DIMENSION : 3
VEHICLES : 1
CAPACITY : 10
SERVICE_TIME : 1
NODE_COORD_SECTION
1 0 0
2 3 4
3 1 1
DEMAND_SECTION
1 0
2 4
3 4
TIME_WINDOW_SECTION
1 0 100
2 0 10
3 0 100
DEPOT_SECTION
1
-1
EOF`);

  it('sums edges truncated to one decimal, in tenths', () => {
    // 0→(3,4) = 5.0, (3,4)→(1,1) = 3.605… → 3.6, (1,1)→0 = 1.414… → 1.4
    expect(checkVrplibRoutes(inst, [[1, 2]])).toEqual({
      valid: true,
      violations: [],
      costTenths: 100,
      routes: 1,
    });
  });

  it('flags missed customers, a late start and the fleet limit', () => {
    // (1,1) first: 1.4 + 1 service + 3.6 → customer 1 starts at 6.0, after its close at 5.
    const check = checkVrplibRoutes(
      {
        ...inst,
        timeWindows: [
          [0, 100],
          [0, 5],
          [0, 100],
        ],
      },
      [[2, 1], []],
    );
    expect(check.violations).toEqual(['route 1: customer 1 served at 6 > 5']);
    expect(checkVrplibRoutes(inst, [[1], [2]]).violations).toEqual([
      '2 routes exceed the fleet of 1',
    ]);
    expect(checkVrplibRoutes(inst, [[1]]).violations).toEqual(['customer 2 visited 0 times']);
  });
});
