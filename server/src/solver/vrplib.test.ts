import { describe, expect, it } from 'vitest';
import { solveVrptw } from './solver';
import { checkVrplibRoutes, validatePlan } from './validator';
import { dimacsTenths, parseVrplib, parseVrplibSolution, vrplibToProblem } from './vrplib';

const text = `NAME : tiny
TYPE : CVRPTW
DIMENSION : 4
VEHICLES : 2
CAPACITY : 10
SERVICE_TIME : 10
EDGE_WEIGHT_TYPE : EUC_2D
NODE_COORD_SECTION
1 0 0
2 3 4
3 6 8
4 -1 1
DEMAND_SECTION
1 0
2 4
3 5
4 3
TIME_WINDOW_SECTION
1 0 200
2 0 50
3 10 100
4 0 200
DEPOT_SECTION
1
-1
EOF
`;

describe('parseVrplib', () => {
  it('reads header, coordinates, demands, windows and the depot (0-based)', () => {
    const inst = parseVrplib(text);
    expect(inst).toMatchObject({ name: 'tiny', dimension: 4, vehicles: 2, capacity: 10, depot: 0 });
    expect(inst.coords[2]).toEqual([6, 8]);
    expect(inst.demands).toEqual([0, 4, 5, 3]);
    expect(inst.timeWindows[2]).toEqual([10, 100]);
    expect(inst.serviceTimes).toEqual([0, 10, 10, 10]);
  });
});

describe('parseVrplibSolution', () => {
  it('reads routes of customer numbers and the cost', () => {
    expect(parseVrplibSolution('Route #1: 1 2\nRoute #2: 3\nCost 27.4\n')).toEqual({
      routes: [[1, 2], [3]],
      cost: 27.4,
    });
  });
});

describe('dimacsTenths', () => {
  it('truncates each edge to one decimal without float error', () => {
    expect(dimacsTenths([0, 0], [3, 4])).toBe(50);
    expect(dimacsTenths([0, 0], [1, 1])).toBe(14);
    expect(dimacsTenths([0, 0], [30, 40])).toBe(500);
  });
});

describe('vrplibToProblem', () => {
  it('builds a problem in tenths whose solved plan agrees with the coordinate check', () => {
    const inst = parseVrplib(text);
    const problem = vrplibToProblem(inst);
    expect(problem.vehicles).toHaveLength(2);
    expect(problem.jobs.map((j) => j.id)).toEqual(['1', '2', '3']);
    expect(problem.jobs[1]).toMatchObject({
      earliest: 100,
      latest: 1000,
      serviceTime: 100,
      size: 5,
    });
    const plan = solveVrptw(problem, { maxIterations: 200 });
    expect(validatePlan(problem, plan).valid).toBe(true);
    const check = checkVrplibRoutes(
      inst,
      plan.routes.map((r) => r.stops.map((s) => Number(s.jobId))),
    );
    expect(check.valid).toBe(true);
    expect(check.costTenths).toBe(plan.totalDistance);
  });
});
