/**
 * Query keys of the admin feature, in one place: every admin query lives under `['admin']`, so
 * one prefix refreshes it all, and mutations invalidate through these functions, never through
 * literals written at the call site.
 */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => ['admin', 'users'] as const,
  units: () => ['admin', 'units'] as const,
  procedures: () => ['admin', 'procedures'] as const,
  procedureList: (q: string, inactive: boolean) => ['admin', 'procedures', q, inactive] as const,
  holidays: () => ['admin', 'holidays'] as const,
  holidayYear: (year: number) => ['admin', 'holidays', year] as const,
  settings: () => ['admin', 'settings'] as const,
  audit: () => ['admin', 'audit'] as const,
  auditOf: (entityType: string) => ['admin', 'audit', entityType] as const,
  provinces: () => ['admin', 'divisions', 'provinces'] as const,
  divisions: () => ['admin', 'divisions'] as const,
  /** The SMS texts are the SMS feature's resource; the key stays where it always was. */
  smsTemplates: () => ['sms', 'templates'] as const,
};

/**
 * Caches of other screens that an admin write makes stale (the operator's and manager's unit
 * lists, the user list, the procedure search, the working-day calendar). Features may not import
 * each other, so their prefixes are named here, once.
 * TODO(web A): use the shared units query's key factory once it exists in web/src/lib.
 */
export const OTHER_FEATURE_KEYS = {
  units: ['units'] as const,
  users: ['users'] as const,
  procedures: ['procedures'] as const,
  holidays: ['holidays'] as const,
};
