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
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import type { JobHooks } from './job-hooks';
import * as jobsService from './jobs.service';

/** `/api/jobs`: list, create, read, timeline, transitions, assignment, late list. */
export function jobsRoutes({ db, jobHooks }: ModuleDeps & { jobHooks: JobHooks }): Router {
  const router = Router();
  const hooks = jobHooks;

  router.get(
    '/jobs',
    endpoint({ can: 'jobs.list', query: ListJobsQuerySchema }, ({ auth, query }) =>
      jobsService.listJobs(db, auth, query),
    ),
  );

  router.get(
    '/jobs/late',
    endpoint(
      { can: 'jobs.late', query: z.object({ unitId: z.uuid().optional() }) },
      async ({ auth, query }) => ({
        items: await jobsService.listLateJobs(db, auth, { unitId: query.unitId }),
      }),
    ),
  );

  router.post(
    '/jobs',
    endpoint({ can: 'jobs.create', body: CreateJobSchema }, async ({ auth, body }) => {
      const row = await jobsService.createJob(db, auth, body, { hooks });
      return withStatus(201, await jobsService.presentJobById(db, auth, row.id));
    }),
  );

  router.post(
    '/jobs/assign',
    endpoint({ can: 'jobs.assign', body: BulkAssignJobsSchema }, async ({ auth, body }) => ({
      items: await jobsService.assignJobs(db, auth, body, { hooks }),
    })),
  );

  router.get(
    '/jobs/:id',
    endpoint({ can: 'jobs.read', params: IdParamsSchema }, ({ auth, params }) =>
      jobsService.getJob(db, auth, params.id),
    ),
  );

  router.get(
    '/jobs/:id/events',
    endpoint({ can: 'jobs.read', params: IdParamsSchema }, async ({ auth, params }) => ({
      items: await jobsService.getJobTimeline(db, auth, params.id),
    })),
  );

  router.post(
    '/jobs/:id/transitions',
    endpoint(
      { can: 'jobs.transition', params: IdParamsSchema, body: TransitionJobSchema },
      async ({ auth, params, body, req }) => {
        const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
        const r = await jobsService.transitionJob(db, auth, params.id, body, {
          hooks,
          idempotencyKey,
        });
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
      { can: 'jobs.assign', params: IdParamsSchema, body: AssignJobSchema },
      ({ auth, params, body }) => jobsService.assignJob(db, auth, params.id, body, { hooks }),
    ),
  );

  return router;
}
