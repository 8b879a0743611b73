/**
 * The couriers module's public face: duty and the courier list (`courier-status.ts`),
 * positions, trails and retention (`courier-positions.ts`), suggestions for a job
 * (`suggest-couriers.ts`), a sick courier's day (`reassign-day.ts`). The live positions
 * live in the app's {@link PositionStore}.
 */
export { getOwnStatus, listCouriers, setDuty, type CouriersContext } from './courier-status';
export {
  DEFAULT_POSITION_RETENTION_DAYS,
  getTrail,
  positionError,
  prunePositions,
  recordPositions,
  startCourierHousekeeping,
} from './courier-positions';
export { suggestCouriers } from './suggest-couriers';
export { listCouriersForJob } from './job-couriers';
export { reassignDay } from './reassign-day';
export { createPositionStore, type AcceptResult, type PositionStore } from './position-store';
