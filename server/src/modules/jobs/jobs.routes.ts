import { Router } from 'express';
import {
  AssignJobSchema,
  BulkAssignJobsSchema,
  CreateJobSchema,
  IdParamsSchema,
  ListJobsQuerySchema,
  LocateJobSchema,
  TransitionJobSchema,
  UnplacedJobsQuerySchema,
} from '@tannha/shared';
import { z } from 'zod';
import { byId, byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import type { JobHooks } from './job-hooks';
import * as jobsService from './jobs.service';

/** `/api/jobs`: list, create, read, timeline, transitions, assignment, late list, place (pin) and the unplaced list. */
export function jobsRoutes({ db, jobHooks }: ModuleDeps & { jobHooks: JobHooks }): Router {
  const router = Router();
  const hooks = jobHooks;

  router.get(
    '/jobs',
    byQuery('jobs.list', ListJobsQuerySchema, (auth, query) =>
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

  router.get(
    '/jobs/unplaced',
    byQuery('jobs.unplaced', UnplacedJobsQuerySchema, (auth, query) =>
      jobsService.listUnplacedJobs(db, auth, query),
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
    byId('jobs.read', (auth, id) => jobsService.getJob(db, auth, id)),
  );

  router.get(
    '/jobs/:id/events',
    byId('jobs.read', async (auth, id) => ({
      items: await jobsService.getJobTimeline(db, auth, id),
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

  router.put(
    '/jobs/:id/location',
    byId('jobs.locate', LocateJobSchema, (auth, id, body) =>
      jobsService.locateJob(db, auth, id, body),
    ),
  );

  router.post(
    '/jobs/:id/assign',
    byId('jobs.assign', AssignJobSchema, (auth, id, body) =>
      jobsService.assignJob(db, auth, id, body, { hooks }),
    ),
  );

  return router;
}
