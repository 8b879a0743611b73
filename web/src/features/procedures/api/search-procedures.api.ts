import {
  MIN_SEARCH_LENGTH,
  searchProceduresQueryOptions,
  useSearchProcedures,
} from '@/lib/queries/procedures';

// The catalogue search itself is shared web code (the operator's job form asks it too, with
// a different limit); this feature asks for one page of the look-up list.

export { MIN_SEARCH_LENGTH };

/** Answers the catalogue look-up lists (the server's default page). */
export const CATALOGUE_LIMIT = 20;

/** Query options of the catalogue look-up for `q`. */
export const catalogueSearchQueryOptions = (q: string) =>
  searchProceduresQueryOptions({ q, limit: CATALOGUE_LIMIT });

/** The catalogue look-up for `q`; the previous list stays on screen while the next one loads. */
export const useCatalogueSearch = (q: string) => useSearchProcedures({ q, limit: CATALOGUE_LIMIT });
