import {
  isCompletedLate,
  isLegOverdue,
  isOverdueOpen,
  nextWorkingDay,
  TERMINAL_STATUSES,
  toVnDate,
  type JobBoard,
  type JobStatus,
  type WorkingCalendar,
} from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { loadWorkingCalendar } from '../calendar/calendar.service';

/**
 * The colour board (DESIGN.md, "Managers see a colour board"): green done (on time),
 * yellow in progress and not yet due, red not started when its due day is near, or late.
 *
 * Choices where the sources are silent: "near" means the due date is today or the next
 * working day; "not started" means new, assigned or accepted (or on hold from one of them);
 * a job completed after its due date stays red (it was late), while cancelled and returned
 * jobs are closed and green.
 */
export type BoardClock = {
  now: Date;
  /** Local date today. */
  today: string;
  /** Due dates on or before this are "near" (the next working day). */
  near: string;
};

export function boardClock(cal: WorkingCalendar, now = new Date()): BoardClock {
  const today = toVnDate(now);
  return { now, today, near: nextWorkingDay(cal, today) };
}

/** The board clock for now: needs the holiday calendar (one small query). */
export async function clockFor(db: DbOrTx): Promise<BoardClock> {
  return boardClock(await loadWorkingCalendar(db));
}

/** Not started yet: the courier has not set off. */
export const NOT_STARTED: readonly JobStatus[] = ['new', 'assigned', 'accepted'];

type BoardFields = {
  status: string;
  heldFrom: string | null;
  dueDate: string | null;
  legDueDate: string | null;
  completedAt: Date | null;
};

/** Whether the courier holds the package past the postal leg's limit (J+n). */
export function isLegLate(j: Pick<BoardFields, 'status' | 'legDueDate'>, clock: BoardClock) {
  return isLegOverdue(j, clock.today);
}

/**
 * Whether the job is overdue ("Quá hạn chưa xong") or was completed late ("Xong trễ hạn"),
 * by the one definition in `shared/src/overdue.ts`.
 */
export function isJobLate(j: BoardFields, clock: BoardClock): boolean {
  const completedOn = j.completedAt ? toVnDate(j.completedAt) : null;
  return isOverdueOpen(j, clock.today) || isCompletedLate({ ...j, completedOn });
}

export function jobBoard(j: BoardFields, clock: BoardClock): JobBoard {
  const late = isJobLate(j, clock);
  if (j.status === 'completed') return late ? 'red' : 'green';
  if (TERMINAL_STATUSES.includes(j.status as JobStatus)) return 'green';
  if (late) return 'red';
  const notStarted =
    NOT_STARTED.includes(j.status as JobStatus) ||
    (j.status === 'on_hold' && NOT_STARTED.includes(j.heldFrom as JobStatus));
  if (notStarted && j.dueDate && j.dueDate <= clock.near) return 'red';
  return 'yellow';
}
