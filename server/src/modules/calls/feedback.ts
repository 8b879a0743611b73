import { addDays, addWorkingDays, effectiveReceiptDate, toVnDate } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { getSetting, SETTINGS } from '../settings/settings.service';
import { presentCall } from './calls.presenter';
import * as repo from './calls.repository';

/** Kept for admin.settings.service.ts until it reads `SETTINGS` itself. */
export const DEFAULT_FEEDBACK_DUE_WORKING_DAYS: number =
  SETTINGS.feedback_due_working_days.fallback;

/** Feedback must be answered within `feedback_due_working_days` working days of receipt. */
export async function feedbackDueFrom(db: DbOrTx, at: Date): Promise<string> {
  const cal = await loadWorkingCalendar(db);
  const days = await getSetting(db, 'feedback_due_working_days');
  return addWorkingDays(cal, effectiveReceiptDate(cal, at), days);
}

/** Feedback (phản ánh, kiến nghị) not answered by its due date, oldest first. */
export async function listOverdueFeedback(db: Db, auth: AuthContext, withinDays: number) {
  assertCan(auth, 'calls.list');
  const today = toVnDate(new Date());
  const rows = await repo.listOpenFeedback(db, auth.unitIds, addDays(today, withinDays));
  return {
    items: rows.map((r) => ({
      ...presentCall(r),
      overdue: (r.call.feedbackDueDate ?? '') < today,
    })),
  };
}
