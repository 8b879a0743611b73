// The units query is shared web code (several features read it): see `@/lib/queries/units`.
// This re-export keeps the feature's entry point for screens that import it from here.
export { getUnits, unitKeys, unitsQueryOptions, useUnits } from '@/lib/queries/units';
