import type { AuthContext } from '../lib/http';
import { definePolicy } from './policy';
import { ADMIN_READERS } from './province';

/** The audit trail. */
export const auditPolicy = definePolicy({
  'audit.list': { roles: ADMIN_READERS },
});

/** Staff of a top unit read the whole trail; others what people of their units did. */
export function readsWholeAuditTrail(auth: AuthContext): boolean {
  return auth.unitIsTop === true;
}
