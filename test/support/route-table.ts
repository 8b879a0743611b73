import type { Express } from 'express';
import { declaredAbility } from '../../server/src/lib/http';
import { POLICIES } from '../../server/src/policies';

type Layer = {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
};

/** One route of the app: method, full path (`/api/jobs/:id`) and the ability it declared. */
export type RouteEntry = {
  method: string;
  path: string;
  /** `'public'`, an ability of the policy table, or undefined when the handler declared none. */
  ability: string | undefined;
};

/** The SPA fallback (`GET /^\/(?!api\/|socket\.io\/).*\/`) serves the web app, not data. */
const isSpaFallback = (path: string) => path.startsWith('/^');

/**
 * Every route of the app, read from Express's router (so a new route is listed without
 * anyone writing it down), one entry per method, with the ability its handler declared.
 */
export function routesOf(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const ability = layer.route.stack
          .map((l) => declaredAbility(l.handle))
          .find((a) => a !== undefined);
        const path = String(layer.route.path);
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          out.push({
            method: method.toUpperCase(),
            path: isSpaFallback(path) ? path : prefix + path,
            ability,
          });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && !layer.slash ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + (mount === '/' ? '' : mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.filter((r) => !isSpaFallback(r.path));
}

/** Routes whose ability is missing or not in the policy table (the suite fails on any). */
export function routesWithoutPolicy(routes: RouteEntry[]): RouteEntry[] {
  const known = new Set([...Object.keys(POLICIES), 'public']);
  return routes.filter((r) => r.ability === undefined || !known.has(r.ability));
}

/** The roles that hold a route's ability (every role is irrelevant for public routes). */
export function holdersOf(route: RouteEntry): readonly string[] {
  if (route.ability === undefined || route.ability === 'public') return [];
  const rule = (POLICIES as Record<string, { roles: readonly string[] } | undefined>)[
    route.ability
  ];
  return rule?.roles ?? [];
}
