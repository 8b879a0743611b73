import { MIN_SEARCH_LENGTH, useSearchProcedures } from '@/lib/queries/procedures';

// The catalogue search is shared web code (the catalogue look-up on the same page asks it
// with a longer list); the job form's picker asks for a short list.

export { MIN_SEARCH_LENGTH };

/** Answers the job form's procedure picker offers. */
export const PICKER_LIMIT = 8;

/** The picker's answers for `q`; the previous list stays on screen while the next one loads. */
export const useProcedurePicker = (q: string) => useSearchProcedures({ q, limit: PICKER_LIMIT });
