import {
  createWorkingCalendar,
  defaultHolidays,
  type AdminHoliday,
  type HolidayItem,
  type WorkingCalendar,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import * as repo from './calendar.repository';

const HOLIDAY = { vi: 'Ngày nghỉ/ngày làm bù', en: 'Calendar day' };

/** The working-day calendar (weekends, public holidays, swapped days) from the holiday table. */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  return createWorkingCalendar(await repo.findHolidayEntries(db));
}

const item = (h: repo.HolidayRow): HolidayItem => ({
  date: h.date,
  kind: h.kind as HolidayItem['kind'],
  name: h.name,
});

/** The calendar's days of one year, or every day when no year is given. */
export async function listHolidays(db: Db, year?: number): Promise<HolidayItem[]> {
  return (await repo.findHolidays(db, year)).map(item);
}

/** Adds one holiday or swapped working day (409 when the date is already there; audited). */
export async function addHoliday(db: Db, auth: AuthContext, e: AdminHoliday, ip?: string) {
  assertCan(auth, 'calendar.update', e);
  return db.transaction(async (tx) => {
    const [row] = await repo.insertHolidays(tx, [e]);
    if (!row) {
      const other = await repo.findHoliday(tx, e.date);
      throw conflict('holiday_exists', {
        vi: `Ngày ${e.date} đã có trong lịch (${other?.name ?? ''}). Hãy xóa ngày đó trước nếu muốn đổi.`,
        en: `${e.date} is already in the calendar (${other?.name ?? ''}). Remove it first to change it.`,
      });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'holiday.add',
      entityType: 'holiday',
      entityId: e.date,
      after: e,
      ip,
    });
    return item(row);
  });
}

/** Removes one day from the calendar (audited). */
export async function removeHoliday(db: Db, auth: AuthContext, date: string, ip?: string) {
  assertCan(auth, 'calendar.update', { date });
  return db.transaction(async (tx) => {
    const row = await repo.deleteHoliday(tx, date);
    if (!row) throw notFound(HOLIDAY);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'holiday.remove',
      entityType: 'holiday',
      entityId: date,
      before: item(row),
      ip,
    });
    return { removed: date };
  });
}

/** Adds the year's statutory days that are not there yet; days already present are left alone. */
export async function fillDefaultHolidays(db: Db, auth: AuthContext, year: number, ip?: string) {
  assertCan(auth, 'calendar.update', { year });
  const entries = defaultHolidays(year);
  return db.transaction(async (tx) => {
    const items = (await repo.insertHolidays(tx, entries)).map(item);
    if (items.length > 0) {
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'holiday.fill_defaults',
        entityType: 'holiday',
        entityId: String(year),
        before: null,
        after: { year, added: items },
        ip,
      });
    }
    return { year, added: items.length, skipped: entries.length - items.length, items };
  });
}
