import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredAbility } from '../../server/src/lib/http';
import { POLICIES } from '../../server/src/policies';
import { buildTestApp, type TestApp } from '../support/app';

type Layer = {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
};

/** Every route of the app with the ability its handler declared (undefined: none). */
function routesOf(app: Express): { route: string; ability: string | undefined }[] {
  const out: { route: string; ability: string | undefined }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).join(',').toUpperCase();
        const ability = layer.route.stack
          .map((l) => declaredAbility(l.handle))
          .find((a) => a !== undefined);
        out.push({ route: `${methods} ${layer.route.path}`, ability });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('access policies', () => {
  it('every API route declares an ability from the policy table (or is public)', () => {
    const routes = routesOf(t.app).filter(
      (r) => !r.route.endsWith(' /^\\/(?!api\\/|socket\\.io\\/).*/'),
    );
    expect(routes.length).toBeGreaterThan(50);
    const known = new Set([...Object.keys(POLICIES), 'public']);
    const missing = routes.filter((r) => r.ability === undefined || !known.has(r.ability));
    expect(missing).toEqual([]);
  });
});
