import type { AuthContext } from '../lib/http';
import { can } from '../policies';
import type { DeliveryScope } from './bus';

/**
 * Whether a receiver may see an event, judged on its session as it is now (the rooms only
 * narrow who is asked): the scope's ability on the record, or one of the users named in it.
 */
export function mayReceive(auth: AuthContext | undefined, scope: DeliveryScope): boolean {
  if (!auth) return false;
  if (scope.alsoUsers?.includes(auth.user.id)) return true;
  return can(auth, scope.ability, scope.record as never);
}
