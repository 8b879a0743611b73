import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { badBodies, badBodyExamples, type RawBody } from '../support/bad-input';
import { exampleFor, idsOf, routeKey } from '../support/route-examples';
import { holdersOf, routesOf, type RouteEntry } from '../support/route-table';
import { buildTwoUnitWorld, tableCounts, type StaffRole } from '../support/security-fixture';
import type { Agent } from '../support/org-app';
import request from 'supertest';

/**
 * Bad input on every write endpoint, generated: arbitrary JSON, valid-looking bodies with one
 * field broken (NUL, lone surrogates, huge numbers, impossible dates, wrong types, deep
 * nesting) and broken framing (charsets, encodings, corrupt gzip, invalid UTF-8). The server
 * never answers 5xx, and after a refusal the main tables hold exactly the rows they held.
 * Replay a failure with FC_SEED=<seed printed below>.
 */
const SEED = Number(process.env.FC_SEED ?? 1022);
const RUNS = Number(process.env.FC_RUNS ?? 15);

const w = await buildTwoUnitWorld();
const ids = idsOf(w);
let cases = 0;
afterAll(async () => {
  console.log(`bad-input properties: seed ${SEED}, ${RUNS} runs per endpoint, ${cases} requests`);
  await w.t.close();
});

/** Who sends: a member of unit A who holds the route's ability (the office first). */
const PREFERENCE: StaffRole[] = ['operator', 'dispatcher', 'manager', 'admin', 'courier'];
function senderOf(route: RouteEntry): Agent | undefined {
  const holders = holdersOf(route);
  const role = PREFERENCE.find((r) => holders.includes(r));
  return role ? w.a[role] : undefined;
}

/** Ending the sender's own session is not bad input. */
const SKIPPED = new Set(['POST /api/auth/logout']);

/** Routes guarded by an agency's API key: bad bodies are sent with a valid key of unit A. */
const keyed = await w.a.admin
  .post('/api/admin/intake-keys')
  .send({ name: 'Một cửa (thử dữ liệu hỏng)', unitId: ids.unitA, rateLimitPerMinute: 600 });
const KEYED: Record<string, string> = {
  'POST /api/intake/results': `Bearer ${(keyed.body as { secret: string }).secret}`,
};

const writes = routesOf(w.t.app).filter((r) => r.method !== 'GET' && !SKIPPED.has(routeKey(r)));

async function sendRaw(route: RouteEntry, raw: RawBody) {
  const ex = exampleFor(route, ids);
  const client = senderOf(route) ?? request(w.t.app);
  const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
  cases += 1;
  const key = KEYED[routeKey(route)];
  return client[method](ex.url)
    .set(key ? { ...raw.headers, Authorization: key } : raw.headers)
    .set('Idempotency-Key', crypto.randomUUID())
    .send(raw.bytes);
}

describe('bad input never gets a 5xx, and a refusal writes nothing', () => {
  it.each(writes.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const ex = exampleFor(route, ids);
    let counts = await tableCounts(w.t.database.db);
    await fc.assert(
      fc.asyncProperty(badBodies(ex.body), async (raw) => {
        const res = await sendRaw(route, raw);
        const what = `${raw.label} → ${res.status} ${res.text?.slice(0, 300)}`;
        expect(res.status, what).toBeLessThan(500);
        const now = await tableCounts(w.t.database.db);
        if (res.status >= 400) expect(now, `a refusal wrote rows: ${what}`).toEqual(counts);
        counts = now;
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        endOnFailure: true,
        examples: badBodyExamples(ex.body).map((b) => [b] as [RawBody]),
      },
    );
  });
});
