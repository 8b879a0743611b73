// Jobs are shown by the dispatch and jobs features and moved by the operator console (a job
// from a call), the courier app and route plans; each must refresh the others' lists, and
// features may not import each other, so the key factory lives here. Fetchers and hooks stay
// in features/jobs.

/** Job list filters as they appear in a key (the web's `JobFilters`). */
type JobFilterKey = Record<string, unknown>;

/** Query keys for jobs; everything about jobs lives under `['jobs']`, couriers under `['couriers']`. */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (filters: JobFilterKey) => [...jobKeys.lists(), filters] as const,
  late: () => [...jobKeys.all, 'late'] as const,
  /** Open jobs with no position (`GET /api/jobs/unplaced`); a list, so live changes refresh it. */
  unplaced: (unitId: string | undefined) =>
    [...jobKeys.lists(), 'unplaced', { unitId: unitId ?? null }] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
  events: (id: string) => [...jobKeys.all, 'events', id] as const,
  suggestions: (id: string) => [...jobKeys.all, 'suggestions', id] as const,
  /** Couriers with position and load (`GET /api/couriers`), refreshed whenever jobs move. */
  couriers: () => ['couriers'] as const,
  /** The couriers a job can be given to (`GET /api/jobs/:id/couriers`), refreshed with the couriers. */
  jobCouriers: (id: string) => [...jobKeys.couriers(), 'job', id] as const,
};
