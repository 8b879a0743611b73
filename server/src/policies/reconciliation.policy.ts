import { definePolicy, unitScope } from './policy';

const MANAGERS = ['manager', 'admin'] as const;

/**
 * Cash counted in per courier and shift, procedure fees handed over per agency: managers of
 * the unit (or a unit above it) read the ledger and record counts and remittances.
 */
export const reconciliationPolicy = definePolicy({
  'reconciliation.read': { roles: MANAGERS, record: unitScope },
  'reconciliation.write': { roles: MANAGERS, record: unitScope },
});
