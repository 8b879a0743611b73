import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { procedureKeys, searchProceduresQueryOptions } from './procedures';
import { unitKeys, unitsQueryOptions } from './units';

/** A catalogue that answers as many procedures as the request's `limit` (default 20). */
function fakeCatalogue() {
  return vi.fn(async (url: string) => {
    const limit = Number(new URL(url, 'http://localhost').searchParams.get('limit') ?? 20);
    const items = Array.from({ length: limit }, (_, i) => ({
      id: `p${i}`,
      name: `Khai sinh ${i}`,
    }));
    return new Response(JSON.stringify({ items }), { status: 200 });
  });
}

describe('procedure search queries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the job-form picker (8) and the catalogue look-up (20) apart for the same term', async () => {
    vi.stubGlobal('fetch', fakeCatalogue());
    const qc = new QueryClient();
    const picker = await qc.fetchQuery(searchProceduresQueryOptions({ q: 'khai', limit: 8 }));
    const catalogue = await qc.fetchQuery(searchProceduresQueryOptions({ q: 'khai', limit: 20 }));
    expect(picker).toHaveLength(8);
    expect(catalogue).toHaveLength(20);
    // Both answers stay cached, each under its own key.
    expect(qc.getQueryCache().findAll({ queryKey: procedureKeys.searches() })).toHaveLength(2);
    expect(qc.getQueryData(procedureKeys.search({ q: 'khai', limit: 8 }))).toHaveLength(8);
    expect(qc.getQueryData(procedureKeys.search({ q: 'khai', limit: 20 }))).toHaveLength(20);
  });

  it('sends the limit to the server', async () => {
    const fetch = fakeCatalogue();
    vi.stubGlobal('fetch', fetch);
    await new QueryClient().fetchQuery(searchProceduresQueryOptions({ q: 'khai', limit: 8 }));
    expect(String(fetch.mock.calls[0]?.[0])).toBe('/api/procedures?q=khai&limit=8');
  });

  it('files every search under the catalogue root, so one invalidation refreshes them all', () => {
    expect(procedureKeys.search({ q: 'a', limit: 8 }).slice(0, 1)).toEqual(procedureKeys.all);
  });
});

describe('units query', () => {
  it('is declared once, under the units root', () => {
    expect(unitsQueryOptions().queryKey).toEqual(unitKeys.list());
    expect(unitKeys.list().slice(0, 1)).toEqual(unitKeys.all);
  });
});
