import { Router } from 'express';
import {
  CompleteCallbackSchema,
  CreateCallSchema,
  CreateJobFromCallSchema,
  ListCallbacksQuerySchema,
  ListCallsQuerySchema,
  OverdueFeedbackQuerySchema,
  ReopenCallSchema,
  ScheduleCallbackSchema,
  UpdateCallSchema,
} from '@tannha/shared';
import { byId, byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import type { JobHooks } from '../jobs/jobs.service';
import {
  answerCall,
  closeCall,
  dismissCall,
  completeCallback,
  createCall,
  createJobFromCall,
  getCall,
  listCallbacks,
  listCalls,
  listOverdueFeedback,
  reopenCall,
  scheduleCallback,
  sweepAbandonedCalls,
  updateCall,
} from './calls.service';

/**
 * /api/calls — the 1022 call log, jobs from calls, callbacks, overdue feedback
 * (who may do what: policies/calls.policy.ts).
 */
export function callsRoutes({
  db,
  publicBaseUrl,
  jobHooks,
}: ModuleDeps & { publicBaseUrl: string; jobHooks: JobHooks }): Router {
  const router = Router();
  router.get(
    '/calls',
    byQuery('calls.list', ListCallsQuerySchema, (auth, query) => listCalls(db, auth, query)),
  );
  router.post(
    '/calls',
    endpoint({ can: 'calls.create', body: CreateCallSchema }, async ({ auth, body }) =>
      withStatus(201, await createCall(db, auth, body)),
    ),
  );
  // Fixed paths before /calls/:id.
  router.get(
    '/calls/feedback/overdue',
    byQuery('calls.list', OverdueFeedbackQuerySchema, (auth, query) =>
      listOverdueFeedback(db, auth, query.withinDays),
    ),
  );
  router.get(
    '/calls/callbacks',
    byQuery('callbacks.list', ListCallbacksQuerySchema, async (auth, query) => {
      // Calls left open with nobody on them become callbacks before the desk reads its list.
      await sweepAbandonedCalls(db);
      return listCallbacks(db, auth, query);
    }),
  );
  router.post(
    '/calls/callbacks/:id/complete',
    byId('callbacks.complete', CompleteCallbackSchema, (auth, id, body) =>
      completeCallback(db, auth, id, body),
    ),
  );
  router.get(
    '/calls/:id',
    byId('calls.read', (auth, id) => getCall(db, auth, id)),
  );
  router.patch(
    '/calls/:id',
    byId('calls.update', UpdateCallSchema, (auth, id, body) => updateCall(db, auth, id, body)),
  );
  router.post(
    '/calls/:id/answer',
    byId('calls.update', (auth, id) => answerCall(db, auth, id)),
  );
  router.post(
    '/calls/:id/dismiss',
    byId('calls.update', (auth, id) => dismissCall(db, auth, id)),
  );
  router.post(
    '/calls/:id/close',
    byId('calls.close', (auth, id) => closeCall(db, auth, id)),
  );
  router.post(
    '/calls/:id/reopen',
    byId('calls.reopen', ReopenCallSchema, (auth, id, body) =>
      reopenCall(db, auth, id, body.reason),
    ),
  );
  router.post(
    '/calls/:id/jobs',
    byId('calls.createJob', CreateJobFromCallSchema, async (auth, id, body) =>
      withStatus(201, await createJobFromCall(db, auth, id, body, { publicBaseUrl, jobHooks })),
    ),
  );
  router.post(
    '/calls/:id/callbacks',
    byId('callbacks.schedule', ScheduleCallbackSchema, async (auth, id, body) =>
      withStatus(201, await scheduleCallback(db, auth, id, body)),
    ),
  );
  return router;
}
