import { OFFICE, definePolicy, unitScope } from './policy';

const ASSIGNERS = ['dispatcher', 'manager', 'admin'] as const;

/** Couriers: the dispatcher's list and trails, a courier's own duty and positions, a sick courier's day. */
export const couriersPolicy = definePolicy({
  /** The courier list with duty and positions (office roles, their units). */
  'couriers.list': { roles: OFFICE, record: unitScope },
  /** A courier's own status, duty and positions. */
  'couriers.self': { roles: ['courier'] },
  /** A courier's breadcrumb trail (the courier's unit must be the caller's). */
  'couriers.trail': { roles: ASSIGNERS, record: unitScope },
  /** Handing a sick courier's day to someone else. */
  'couriers.reassign_day': { roles: ASSIGNERS, record: unitScope },
});
