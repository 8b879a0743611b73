import { TERMINAL_STATUSES, type JobStatus } from './job-lifecycle';
import { POSTAL_LEG_OVER_STATUSES } from './postal-leg';

/**
 * "Quá hạn" and "trễ hạn", written once (docs/ARCHITECTURE.md, "Rules written once").
 *
 * - Overdue ("Quá hạn chưa xong"): a job not closed yet whose due date is before today in
 *   Asia/Ho_Chi_Minh, or whose package the courier has held past the postal leg's limit (J+n).
 *   It moves with the calendar, so every screen counts it at the moment it asks.
 * - Completed late ("Xong trễ hạn"): a completed job whose local completion date is after its
 *   due date. It never changes once the job is done.
 *
 * The dispatch map's filter and tab, the dispatcher's lists, the job badges, the manager's
 * "Quá hạn" figure and the on-time rate all use these two (the server's SQL twins sit in
 * `server/src/modules/jobs/job-list.repository.ts`).
 */
export type OverdueFields = {
  status: string;
  dueDate: string | null;
  legDueDate: string | null;
};

/** Whether the courier holds the package past the postal leg's limit (J+n) on local date `today`. */
export function isLegOverdue(j: Pick<OverdueFields, 'status' | 'legDueDate'>, today: string) {
  return (
    j.legDueDate !== null &&
    !POSTAL_LEG_OVER_STATUSES.includes(j.status as JobStatus) &&
    today > j.legDueDate
  );
}

/** Overdue ("Quá hạn chưa xong"): open, and past its due date or its postal leg's limit on `today`. */
export function isOverdueOpen(j: OverdueFields, today: string): boolean {
  if (TERMINAL_STATUSES.includes(j.status as JobStatus)) return false;
  if (isLegOverdue(j, today)) return true;
  return j.dueDate !== null && today > j.dueDate;
}

/** Completed late ("Xong trễ hạn"): completed on a local date (`completedOn`) after the due date. */
export function isCompletedLate(
  j: Pick<OverdueFields, 'status' | 'dueDate'> & { completedOn: string | null },
): boolean {
  return (
    j.status === 'completed' &&
    j.dueDate !== null &&
    j.completedOn !== null &&
    j.completedOn > j.dueDate
  );
}
