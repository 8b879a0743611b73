import { Router } from 'express';
import { z } from 'zod';
import { AdminHolidaySchema, AdminYearSchema, isDateString } from '@tannha/shared';
import { byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { addHoliday, fillDefaultHolidays, listHolidays, removeHoliday } from './calendar.service';

const HolidayQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const DateParams = z.object({
  date: z.string().refine(isDateString, 'Expected a real date as YYYY-MM-DD'),
});

/**
 * GET /api/holidays?year= — the working-day calendar (holidays and swapped working days);
 * /api/admin/holidays — the admin's calendar screen.
 */
export function calendarRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/holidays',
    byQuery('calendar.read', HolidayQuerySchema, async (_auth, query) => ({
      items: await listHolidays(db, query.year),
    })),
  );
  router.get(
    '/admin/holidays',
    byQuery('calendar.admin_list', AdminYearSchema, async (_auth, query) => ({
      year: query.year,
      items: await listHolidays(db, query.year),
    })),
  );
  router.post(
    '/admin/holidays',
    endpoint({ can: 'calendar.update', body: AdminHolidaySchema }, async ({ auth, body, req }) =>
      withStatus(201, await addHoliday(db, auth, body, req.ip)),
    ),
  );
  router.delete(
    '/admin/holidays/:date',
    endpoint({ can: 'calendar.update', params: DateParams }, async ({ auth, params, req }) =>
      removeHoliday(db, auth, params.date, req.ip),
    ),
  );
  router.post(
    '/admin/holidays/fill-defaults',
    endpoint({ can: 'calendar.update', body: AdminYearSchema }, async ({ auth, body, req }) =>
      fillDefaultHolidays(db, auth, body.year, req.ip),
    ),
  );
  return router;
}
