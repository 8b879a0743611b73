/**
 * The calls module's public face: the 1022 call log, jobs from calls, callbacks and
 * overdue feedback. Each verb lives in its own file; other modules import from here.
 */
export { findCall, findCallBySid, patchCall, type CallRow } from './call-record';
export { createCall, insertCallWithTicket, ticketCode } from './create-call';
export { getCall, listCalls } from './list-calls';
export { closeCall, reopenCall, updateCall } from './update-call';
export { createJobFromCall } from './job-from-call';
export { answerCall, dismissCall, sweepAbandonedCalls } from './call-endings';
export {
  completeCallback,
  ensureAutoCallback,
  type AutoCallbackReason,
  hasOpenCallback,
  listCallbacks,
  scheduleCallback,
} from './callbacks';
export { DEFAULT_FEEDBACK_DUE_WORKING_DAYS, listOverdueFeedback } from './feedback';
export { isOpenAt, loadOfficeHours, nextOpening, type OfficeHours } from './office-hours';
