/** Room names: one per unit (and role within it), one per user, one per session. */
export const rooms = {
  unit: (unitId: string) => `unit:${unitId}`,
  unitRole: (unitId: string, role: string) => `unit:${unitId}:${role}`,
  user: (userId: string) => `user:${userId}`,
  /** The sockets of one session (its id is the token's hash, never the token). */
  session: (sessionId: string) => `session:${sessionId}`,
};
