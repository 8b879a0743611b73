import { Router } from 'express';
import { and, asc, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { holidays } from '../../db/schema';
import { ALL_ROLES, endpoint, type ModuleDeps } from '../../lib/http';

const HolidayQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** GET /api/holidays?year= — the working-day calendar (holidays and swapped working days). */
export function holidaysRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/holidays',
    endpoint({ roles: ALL_ROLES, query: HolidayQuerySchema }, async ({ query }) => {
      const where = query.year
        ? and(gte(holidays.date, `${query.year}-01-01`), lte(holidays.date, `${query.year}-12-31`))
        : undefined;
      const rows = await db.select().from(holidays).where(where).orderBy(asc(holidays.date));
      return { items: rows.map((h) => ({ date: h.date, kind: h.kind, name: h.name })) };
    }),
  );
  return router;
}
