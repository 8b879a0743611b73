import { Router } from 'express';
import { eq, asc } from 'drizzle-orm';
import { IdParamsSchema, maskPhone } from '@tannha/shared';
import { jobs, smsOutbox } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { endpoint, OFFICE_ROLES, type ModuleDeps } from '../../lib/http';
import { assertUnitInScope } from '../units/units.service';
import { registerNotificationHooks } from './notifications.hooks';

/** GET /api/jobs/:id/messages — every SMS about a job and its delivery status (office staff of the job's unit). */
export function notificationsRoutes({
  db,
  publicBaseUrl,
}: ModuleDeps & { publicBaseUrl: string }): Router {
  registerNotificationHooks({ publicBaseUrl });
  const router = Router();
  router.get(
    '/jobs/:id/messages',
    endpoint({ roles: OFFICE_ROLES, params: IdParamsSchema }, async ({ auth, params }) => {
      const [job] = await db
        .select({ unitId: jobs.unitId })
        .from(jobs)
        .where(eq(jobs.id, params.id))
        .limit(1);
      if (!job) throw notFound({ vi: 'Công việc', en: 'Job' });
      assertUnitInScope(auth, job.unitId);
      const rows = await db
        .select()
        .from(smsOutbox)
        .where(eq(smsOutbox.jobId, params.id))
        .orderBy(asc(smsOutbox.createdAt));
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: maskPhone(r.toPhone),
          template: r.template,
          body: r.body,
          status: r.status,
          providerStatus: r.providerStatus,
          error: r.error,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          deliveredAt: r.deliveredAt?.toISOString() ?? null,
        })),
      };
    }),
  );
  return router;
}
