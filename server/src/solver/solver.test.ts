import { describe, expect, it } from 'vitest';
import { solveVrptw } from './solver';
import type { VrpPlan, VrpProblem } from './types';
import { validatePlan } from './validator';
import { bruteForceOptimum, randomInstance } from './vrp-test-helpers';

/** A line of places 0..n on a road, one unit apart; distance and time are the gap. */
function lineProblem(places: number, overrides: Partial<VrpProblem> = {}): VrpProblem {
  const distance = Array.from({ length: places }, (_, a) =>
    Array.from({ length: places }, (_, b) => Math.abs(a - b) * 10),
  );
  return {
    vehicles: [
      { id: 'an', startIndex: 0, endIndex: 0, shiftStart: 0, shiftEnd: 1000, capacity: 10 },
    ],
    jobs: [],
    distance,
    time: distance,
    ...overrides,
  };
}

const withoutTiming = (plan: VrpPlan): Omit<VrpPlan, 'elapsedMs'> => {
  const { elapsedMs: _ignored, ...rest } = plan;
  return rest;
};

describe('solveVrptw', () => {
  it('finds the brute-force optimum on small instances', () => {
    for (let seed = 1; seed <= 16; seed++) {
      const problem = randomInstance(seed, {
        jobs: 5 + (seed % 4),
        vehicles: 1 + (seed % 3),
        depots: seed % 2,
        mustRate: seed % 3 === 0 ? 0.25 : 0,
        asymmetric: seed % 5 === 0,
      });
      const optimum = bruteForceOptimum(problem);
      const plan = solveVrptw(problem, { maxIterations: 1500, seed });
      const served = problem.jobs.length - plan.unassigned.length;
      expect(validatePlan(problem, plan).violations).toEqual([]);
      expect({ seed, served, distance: plan.totalDistance }).toEqual({ seed, ...optimum });
    }
  });

  it('never breaks a window, a capacity or a shift on random instances', () => {
    for (let seed = 100; seed < 140; seed++) {
      const problem = randomInstance(seed, {
        jobs: 10 + (seed % 20),
        vehicles: 1 + (seed % 4),
        depots: seed % 3,
        mustRate: 0.1,
        windowWidth: seed % 2 ? 40 : 150,
        asymmetric: seed % 4 < 2,
      });
      const plan = solveVrptw(problem, { maxIterations: 150, seed });
      expect(validatePlan(problem, plan).violations, `instance ${seed}`).toEqual([]);
    }
  });

  it('gives the identical plan for the same seed and iteration cap', () => {
    const problem = randomInstance(7, { jobs: 40, vehicles: 4, mustRate: 0.1 });
    const a = solveVrptw(problem, { maxIterations: 400, seed: 42 });
    const b = solveVrptw(problem, { maxIterations: 400, seed: 42 });
    expect(withoutTiming(a)).toEqual(withoutTiming(b));
  });

  it('stops at the time budget with the plan it would give for that many iterations', () => {
    const problem = randomInstance(8, { jobs: 60, vehicles: 5 });
    const timed = solveVrptw(problem, { timeBudgetMs: 150, seed: 3 });
    expect(timed.elapsedMs).toBeLessThan(1000);
    const capped = solveVrptw(problem, { maxIterations: timed.iterations, seed: 3 });
    expect(withoutTiming(capped)).toEqual(withoutTiming(timed));
  });

  it('reports a job whose window cannot be reached within the shift', () => {
    const problem = lineProblem(4, {
      jobs: [
        { id: 'early', index: 3, earliest: 0, latest: 20, serviceTime: 5, size: 1 },
        { id: 'ok', index: 1, earliest: 0, latest: 500, serviceTime: 5, size: 1 },
      ],
    });
    const plan = solveVrptw(problem, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([{ jobId: 'early', reason: 'time_window_unreachable' }]);
  });

  it('reports a job that fits no vehicle after the shift even when its window is open', () => {
    const problem = lineProblem(4, {
      jobs: [{ id: 'late', index: 3, earliest: 990, latest: 995, serviceTime: 5, size: 1 }],
    });
    const plan = solveVrptw(problem, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([{ jobId: 'late', reason: 'time_window_unreachable' }]);
  });

  it('reports a job larger than every vehicle', () => {
    const problem = lineProblem(3, {
      jobs: [{ id: 'piano', index: 2, earliest: 0, latest: 500, serviceTime: 5, size: 11 }],
    });
    const plan = solveVrptw(problem, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([{ jobId: 'piano', reason: 'over_capacity' }]);
  });

  it('reports a job tied to a courier who is not on shift', () => {
    const problem = lineProblem(3, {
      jobs: [
        {
          id: 'vip',
          index: 2,
          earliest: 0,
          latest: 500,
          serviceTime: 5,
          size: 1,
          mustVehicleId: 'binh',
        },
      ],
    });
    const plan = solveVrptw(problem, { maxIterations: 50 });
    expect(plan.unassigned).toEqual([{ jobId: 'vip', reason: 'no_eligible_vehicle' }]);
  });

  it('reports jobs left out because the fleet is full', () => {
    // West and east are both due at 100 on opposite sides of the depot: one courier can do
    // only one of them, and east goes better with the flexible stop on the same side.
    const problem = lineProblem(21, {
      vehicles: [
        { id: 'an', startIndex: 10, endIndex: 10, shiftStart: 0, shiftEnd: 1000, capacity: 10 },
      ],
      jobs: [
        { id: 'west', index: 0, earliest: 100, latest: 100, serviceTime: 5, size: 1 },
        { id: 'east', index: 20, earliest: 100, latest: 100, serviceTime: 5, size: 1 },
        { id: 'mid-east', index: 15, earliest: 0, latest: 1000, serviceTime: 5, size: 1 },
      ],
    });
    const plan = solveVrptw(problem, { maxIterations: 200 });
    expect(plan.unassigned).toEqual([{ jobId: 'west', reason: 'no_room' }]);
    expect(plan.routes.map((r) => r.stops.map((s) => s.jobId))).toEqual([['east', 'mid-east']]);
  });

  it('keeps a courier on the jobs that must be theirs', () => {
    const problem = randomInstance(21, { jobs: 20, vehicles: 3, mustRate: 0.5 });
    const plan = solveVrptw(problem, { maxIterations: 300 });
    const tied = new Map(problem.jobs.map((j) => [j.id, j.mustVehicleId]));
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        const must = tied.get(stop.jobId);
        if (must) expect(route.vehicleId).toBe(must);
      }
    }
  });

  it('keeps stops already started at the head of their route, in order', () => {
    const problem = randomInstance(5, { jobs: 25, vehicles: 3, windowWidth: 400 });
    const first = solveVrptw(problem, { maxIterations: 200 });
    const route = first.routes[0]!;
    const started = route.stops.slice(0, 2).map((s) => s.jobId);
    const plan = solveVrptw(problem, {
      maxIterations: 300,
      seed: 9,
      fixedPrefix: { [route.vehicleId]: started },
    });
    const again = plan.routes.find((r) => r.vehicleId === route.vehicleId)!;
    expect(again.stops.slice(0, 2).map((s) => s.jobId)).toEqual(started);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('omits vehicles that serve nobody and reports the earliest schedule', () => {
    const problem = lineProblem(3, {
      vehicles: [
        { id: 'an', startIndex: 0, endIndex: 0, shiftStart: 0, shiftEnd: 1000, capacity: 10 },
        { id: 'binh', startIndex: 0, endIndex: 0, shiftStart: 0, shiftEnd: 1000, capacity: 10 },
      ],
      jobs: [{ id: 'a', index: 2, earliest: 50, latest: 60, serviceTime: 5, size: 2 }],
    });
    const plan = solveVrptw(problem, { maxIterations: 20 });
    expect(plan.routes).toEqual([
      {
        vehicleId: 'an',
        stops: [{ jobId: 'a', arrival: 20, start: 50, departure: 55 }],
        distance: 40,
        load: 2,
        end: 75,
      },
    ]);
    expect(plan.totalDistance).toBe(40);
  });

  it('returns at once when there is nothing to plan', () => {
    const empty = solveVrptw(lineProblem(2), { timeBudgetMs: 5000 });
    expect(empty).toMatchObject({ routes: [], unassigned: [], totalDistance: 0, iterations: 0 });
    expect(empty.elapsedMs).toBeLessThan(1000);
    const noFleet = solveVrptw(
      lineProblem(2, {
        vehicles: [],
        jobs: [{ id: 'a', index: 1, earliest: 0, latest: 10, serviceTime: 1, size: 1 }],
      }),
    );
    expect(noFleet.unassigned).toEqual([{ jobId: 'a', reason: 'no_eligible_vehicle' }]);
  });
});
