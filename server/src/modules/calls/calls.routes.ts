import { Router } from 'express';
import {
  CompleteCallbackSchema,
  CreateCallSchema,
  CreateJobFromCallSchema,
  IdParamsSchema,
  ListCallbacksQuerySchema,
  ListCallsQuerySchema,
  OverdueFeedbackQuerySchema,
  ReopenCallSchema,
  ScheduleCallbackSchema,
  UpdateCallSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import {
  closeCall,
  completeCallback,
  createCall,
  createJobFromCall,
  getCall,
  listCallbacks,
  listCalls,
  listOverdueFeedback,
  reopenCall,
  scheduleCallback,
  updateCall,
} from './calls.service';

/**
 * /api/calls — the 1022 call log, jobs from calls, callbacks, overdue feedback
 * (who may do what: policies/calls.policy.ts).
 */
export function callsRoutes({ db, publicBaseUrl }: ModuleDeps & { publicBaseUrl: string }): Router {
  const router = Router();
  router.get(
    '/calls',
    endpoint({ can: 'calls.list', query: ListCallsQuerySchema }, async ({ auth, query }) =>
      listCalls(db, auth, query),
    ),
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
    endpoint({ can: 'calls.list', query: OverdueFeedbackQuerySchema }, async ({ auth, query }) =>
      listOverdueFeedback(db, auth, query.withinDays),
    ),
  );
  router.get(
    '/calls/callbacks',
    endpoint({ can: 'callbacks.list', query: ListCallbacksQuerySchema }, async ({ auth, query }) =>
      listCallbacks(db, auth, query),
    ),
  );
  router.post(
    '/calls/callbacks/:id/complete',
    endpoint(
      { can: 'callbacks.complete', params: IdParamsSchema, body: CompleteCallbackSchema },
      async ({ auth, params, body }) => completeCallback(db, auth, params.id, body),
    ),
  );
  router.get(
    '/calls/:id',
    endpoint({ can: 'calls.read', params: IdParamsSchema }, async ({ auth, params }) =>
      getCall(db, auth, params.id),
    ),
  );
  router.patch(
    '/calls/:id',
    endpoint(
      { can: 'calls.update', params: IdParamsSchema, body: UpdateCallSchema },
      async ({ auth, params, body }) => updateCall(db, auth, params.id, body),
    ),
  );
  router.post(
    '/calls/:id/close',
    endpoint({ can: 'calls.close', params: IdParamsSchema }, async ({ auth, params }) =>
      closeCall(db, auth, params.id),
    ),
  );
  router.post(
    '/calls/:id/reopen',
    endpoint(
      { can: 'calls.reopen', params: IdParamsSchema, body: ReopenCallSchema },
      async ({ auth, params, body }) => reopenCall(db, auth, params.id, body.reason),
    ),
  );
  router.post(
    '/calls/:id/jobs',
    endpoint(
      { can: 'calls.createJob', params: IdParamsSchema, body: CreateJobFromCallSchema },
      async ({ auth, params, body }) =>
        withStatus(201, await createJobFromCall(db, auth, params.id, body, { publicBaseUrl })),
    ),
  );
  router.post(
    '/calls/:id/callbacks',
    endpoint(
      { can: 'callbacks.schedule', params: IdParamsSchema, body: ScheduleCallbackSchema },
      async ({ auth, params, body }) =>
        withStatus(201, await scheduleCallback(db, auth, params.id, body)),
    ),
  );
  return router;
}
