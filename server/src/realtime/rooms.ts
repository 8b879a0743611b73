/** Room names: one per unit (and role within it), one per user. */
export const rooms = {
  unit: (unitId: string) => `unit:${unitId}`,
  unitRole: (unitId: string, role: string) => `unit:${unitId}:${role}`,
  user: (userId: string) => `user:${userId}`,
};
