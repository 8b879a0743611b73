import { Navigate } from 'react-router';

import { SessionGate } from '../guards/session-gate';
import { ROLE_HOME } from '../role-homes';

/** `/`: the logged-in role's home, or the login page. */
export function RootRedirect() {
  return (
    <SessionGate>
      {(me) => <Navigate to={me ? ROLE_HOME[me.role] : '/login'} replace />}
    </SessionGate>
  );
}
