/**
 * Query keys of the courier's screens, in one place. Everything the courier's phone reads lives
 * under `['courier']`, so each action the outbox sends refreshes it all with one invalidation.
 */
export const courierKeys = {
  all: ['courier'] as const,
  jobs: () => ['courier', 'jobs'] as const,
  finished: () => ['courier', 'jobs', 'finished'] as const,
  job: (id: string) => ['courier', 'job', id] as const,
  events: (id: string) => ['courier', 'job', id, 'events'] as const,
  money: (id: string) => ['courier', 'job', id, 'money'] as const,
  papers: (id: string) => ['courier', 'job', id, 'papers'] as const,
  cash: () => ['courier', 'cash'] as const,
  procedurePapers: (code: string | undefined) => ['courier', 'procedure', code] as const,
  agencyHandovers: () => ['courier', 'agency-handovers'] as const,
  handoverCandidates: () => ['courier', 'agency-handovers', 'eligible'] as const,
  handoverList: () => ['courier', 'agency-handovers', 'list'] as const,
  handoverRecord: (id: string) => ['courier', 'agency-handovers', 'record', id] as const,
  resultPickup: (id: string) => ['courier', 'result-pickups', id] as const,
  /** Public: the e-receipt opens without login, so it is not under `courier`. */
  receipt: (id: string) => ['receipt', id] as const,
};

/**
 * The dispatcher's job lists on the same device (a staff member testing a courier account):
 * another feature's prefix, named once here because features may not import each other.
 */
export const DISPATCH_JOBS_KEY = ['jobs'] as const;
