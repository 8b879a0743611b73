import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { routesOf, routesWithoutPolicy } from '../support/route-table';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('access policies', () => {
  it('every API route declares an ability from the policy table (or is public)', () => {
    const routes = routesOf(t.app);
    expect(routes.length).toBeGreaterThan(50);
    expect(routesWithoutPolicy(routes).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});
