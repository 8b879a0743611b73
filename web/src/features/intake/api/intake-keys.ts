/**
 * Query keys of the intake feature, in one place: everything lives under `['intake']`, and
 * mutations invalidate through these functions, never through literals at the call site.
 */
export const intakeKeys = {
  all: ['intake'] as const,
  imports: () => ['intake', 'imports'] as const,
  importPage: (page: number) => ['intake', 'imports', 'page', page] as const,
  importDetail: (id: string) => ['intake', 'imports', 'detail', id] as const,
  apiKeys: () => ['intake', 'api-keys'] as const,
  serviceAreas: () => ['intake', 'service-areas'] as const,
  wardSearches: () => ['intake', 'wards'] as const,
  wards: (q: string) => ['intake', 'wards', q] as const,
};
