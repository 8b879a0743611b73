import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { defaultHolidays } from '@tannha/shared';
import type { Db } from '../../db/client';
import { holidays } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { assertProvinceAdmin } from './admin.access';

type Entry = { date: string; kind: 'holiday' | 'working_day'; name: string };
const HOLIDAY = { vi: 'Ngày nghỉ/ngày làm bù', en: 'Calendar day' };

export async function listHolidays(db: Db, year: number) {
  const rows = await db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date));
  return { year, items: rows.map((h) => ({ date: h.date, kind: h.kind, name: h.name })) };
}

export async function addHoliday(db: Db, auth: AuthContext, e: Entry, ip?: string) {
  await assertProvinceAdmin(db, auth);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(holidays)
      .values(e)
      .onConflictDoNothing({ target: holidays.date })
      .returning();
    if (!row) {
      const [other] = await tx.select().from(holidays).where(eq(holidays.date, e.date)).limit(1);
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
    return { date: row.date, kind: row.kind, name: row.name };
  });
}

export async function removeHoliday(db: Db, auth: AuthContext, date: string, ip?: string) {
  await assertProvinceAdmin(db, auth);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(holidays).where(eq(holidays.date, date)).returning();
    if (!row) throw notFound(HOLIDAY);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'holiday.remove',
      entityType: 'holiday',
      entityId: date,
      before: { date: row.date, kind: row.kind, name: row.name },
      ip,
    });
    return { removed: date };
  });
}

/** Adds the year's statutory days that are not there yet; days already present are left alone. */
export async function fillDefaultHolidays(db: Db, auth: AuthContext, year: number, ip?: string) {
  await assertProvinceAdmin(db, auth);
  const entries = defaultHolidays(year);
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(holidays)
      .values(entries)
      .onConflictDoNothing({ target: holidays.date })
      .returning();
    const items = added.map((h) => ({ date: h.date, kind: h.kind, name: h.name }));
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
