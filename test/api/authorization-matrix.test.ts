import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFor, idsOf, routeKey, secretsOf } from '../support/route-examples';
import { holdersOf, routesOf, routesWithoutPolicy, type RouteEntry } from '../support/route-table';
import {
  buildTwoUnitWorld,
  STAFF_ROLES,
  tableCounts,
  type StaffRole,
} from '../support/security-fixture';
import type { Agent } from '../support/org-app';

/**
 * The authorization matrix, generated from the app's own route table: every route is
 * called as anonymous (401), as each role that does not hold its ability (403), and as each
 * role that holds it but works in the sibling post office B, on unit A's records (403/404,
 * never unit A's data, nothing written). A new route is in the matrix the day it is added.
 */
const w = await buildTwoUnitWorld();
const ids = idsOf(w);
const secrets = secretsOf(ids);
const routes = routesOf(w.t.app);
let requests = 0;
afterAll(async () => {
  console.log(
    `authorization matrix: ${routes.length} routes, ${requests} requests (anonymous, roles without the ability, sibling-unit holders)`,
  );
  await w.t.close();
});

/** Routes anyone may call without signing in; a new one must be added here on purpose. */
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'POST /api/auth/login',
  // Who is signed in: { user: null } for nobody, so logged-out pages make no failing request.
  'GET /api/auth/session',
  'POST /api/twilio/voice',
  'POST /api/twilio/voice/dial-result',
  'POST /api/twilio/voice/status',
  'POST /api/twilio/voice/recording',
  'POST /api/twilio/sms/status',
  'GET /api/track/:code',
  'POST /api/track/:code/rating',
  'GET /api/receipts/:id',
  // Authenticated by an agency's API key, never by a session (see KEY_ROUTES).
  'POST /api/intake/results',
];

/** Public to sessions but guarded by an API key: every session without a key gets 401. */
const KEY_ROUTES = ['POST /api/intake/results'];

/** Reads by id of records every unit shares (the unit directory). */
const SHARED_READS = new Set(['GET /api/units/:id']);

type Sent = { status: number; text: string };

async function send(who: Agent | undefined, route: RouteEntry): Promise<Sent> {
  const ex = exampleFor(route, ids);
  const client = who ?? request(w.t.app);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = client[method](ex.url).query(ex.query);
  if (method !== 'get') req = req.set('Idempotency-Key', crypto.randomUUID()).send(ex.body);
  requests += 1;
  const res = await req.buffer(true);
  const raw: unknown = res.body;
  const text =
    res.text ?? (Buffer.isBuffer(raw) ? raw.toString('utf8') : JSON.stringify(raw ?? null));
  return { status: res.status, text: text ?? '' };
}

const leaked = (text: string) => secrets.filter((s) => text.includes(s));

describe('the route table', () => {
  it('every route declares an ability from the policy table', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routesWithoutPolicy(routes).map(routeKey)).toEqual([]);
  });

  it('the routes open to anonymous callers are exactly the listed public ones', () => {
    const open = routes.filter((r) => r.ability === 'public').map(routeKey);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });
});

describe.each(KEY_ROUTES)('%s (API key routes)', (key) => {
  it('refuses anonymous callers and a session of every role without a key with 401', async () => {
    const route = routes.find((r) => routeKey(r) === key)!;
    expect(route, key).toBeDefined();
    for (const who of [undefined, ...STAFF_ROLES.map((r) => w.a[r])]) {
      const before = await tableCounts(w.t.database.db);
      const res = await send(who, route);
      expect(res.status, res.text).toBe(401);
      expect(await tableCounts(w.t.database.db)).toEqual(before);
    }
  });
});

const guarded = routes.filter((r) => r.ability !== undefined && r.ability !== 'public');

describe.each(guarded.map((r) => [routeKey(r), r] as const))('%s', (_key, route) => {
  const holders = holdersOf(route);
  const others = STAFF_ROLES.filter((r) => !holders.includes(r));
  const siblings = STAFF_ROLES.filter((r) => holders.includes(r));
  const ex = exampleFor(route, ids);

  it('refuses anonymous callers with 401', async () => {
    const res = await send(undefined, route);
    expect(res.status, res.text).toBe(401);
  });

  if (others.length > 0)
    it(`refuses ${others.join(', ')} with 403`, async () => {
      for (const role of others) {
        const res = await send(w.a[role], route);
        expect(res.status, `${role}: ${res.text}`).toBe(403);
      }
    });

  const isRead = route.method === 'GET';
  if (isRead || ex.touchesUnitA)
    it(`gives ${siblings.join(', ')} of the sibling unit none of unit A's data`, async () => {
      for (const role of siblings as StaffRole[]) {
        const before = isRead ? undefined : await tableCounts(w.t.database.db);
        const res = await send(w.b[role], route);
        expect(leaked(res.text), `${role} of B got unit A's data: ${res.status}`).toEqual([]);
        if (!ex.touchesUnitA || SHARED_READS.has(routeKey(route))) continue;
        if (isRead) {
          expect([403, 404], `${role} of B: ${res.status} ${res.text}`).toContain(res.status);
          continue;
        }
        expect(res.status, `${role} of B: ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${role} of B: ${res.text}`).toBeLessThan(500);
        expect(await tableCounts(w.t.database.db), `${role} of B wrote`).toEqual(before);
      }
    });
});
