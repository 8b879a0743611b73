import { Router } from 'express';
import {
  AssignJobSchema,
  BulkAssignJobsSchema,
  CreateJobSchema,
  IdParamsSchema,
  ListJobsQuerySchema,
  TransitionJobSchema,
} from '@tannha/shared';
import { z } from 'zod';
import { ALL_ROLES, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import { suggestCouriers } from '../couriers/couriers.service';
import { presentJob } from './jobs.presenter';
import * as jobsService from './jobs.service';
import { findJobViewById, loadWorkingCalendar } from './jobs.repository';
import { boardClock } from './job-board';

const STAFF = ['operator', 'dispatcher', 'manager', 'admin'] as const;
const ASSIGNERS = ['dispatcher', 'manager', 'admin'] as const;

/** `/api/jobs`: list, create, read, timeline, transitions, assignment, suggestions, late list. */
export function jobsRoutes({ db }: ModuleDeps): Router {
  const router = Router();

  router.get(
    '/jobs',
    endpoint({ roles: ALL_ROLES, query: ListJobsQuerySchema }, ({ auth, query }) =>
      jobsService.listJobs(db, auth, query),
    ),
  );

  router.get(
    '/jobs/late',
    endpoint(
      {
        roles: ['dispatcher', 'manager', 'admin', 'operator'],
        query: z.object({ unitId: z.uuid().optional() }),
      },
      async ({ auth, query }) => ({
        items: await jobsService.listLateJobs(db, auth, { unitId: query.unitId }),
      }),
    ),
  );

  router.post(
    '/jobs',
    endpoint({ roles: STAFF, body: CreateJobSchema }, async ({ auth, body }) => {
      const row = await jobsService.createJob(db, auth, body);
      const view = await findJobViewById(db, row.id);
      return withStatus(201, presentJob(view!, boardClock(await loadWorkingCalendar(db)), auth));
    }),
  );

  router.post(
    '/jobs/assign',
    endpoint({ roles: ASSIGNERS, body: BulkAssignJobsSchema }, async ({ auth, body }) => ({
      items: await jobsService.assignJobs(db, auth, body),
    })),
  );

  router.get(
    '/jobs/:id',
    endpoint({ roles: ALL_ROLES, params: IdParamsSchema }, ({ auth, params }) =>
      jobsService.getJob(db, auth, params.id),
    ),
  );

  router.get(
    '/jobs/:id/events',
    endpoint({ roles: ALL_ROLES, params: IdParamsSchema }, async ({ auth, params }) => ({
      items: await jobsService.getJobTimeline(db, auth, params.id),
    })),
  );

  router.post(
    '/jobs/:id/transitions',
    endpoint(
      { roles: ALL_ROLES, params: IdParamsSchema, body: TransitionJobSchema },
      async ({ auth, params, body, req }) => {
        const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
        const r = await jobsService.transitionJob(db, auth, params.id, body, { idempotencyKey });
        return withStatus(
          200,
          { job: r.job, event: r.event },
          r.replayed ? { 'Idempotent-Replayed': 'true' } : undefined,
        );
      },
    ),
  );

  router.post(
    '/jobs/:id/assign',
    endpoint(
      { roles: ASSIGNERS, params: IdParamsSchema, body: AssignJobSchema },
      ({ auth, params, body }) => jobsService.assignJob(db, auth, params.id, body),
    ),
  );

  router.get(
    '/jobs/:id/suggestions',
    endpoint({ roles: ASSIGNERS, params: IdParamsSchema }, async ({ auth, params }) => ({
      items: await suggestCouriers(db, auth, params.id),
    })),
  );

  return router;
}
