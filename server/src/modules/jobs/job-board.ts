import { and, inArray, isNotNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  nextWorkingDay,
  POSTAL_LEG_OVER_STATUSES,
  TERMINAL_STATUSES,
  toVnDate,
  type JobBoard,
  type JobStatus,
  type WorkingCalendar,
} from '@tannha/shared';
import { jobs } from '../../db/schema';

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

const NOT_STARTED: readonly JobStatus[] = ['new', 'assigned', 'accepted'];

type BoardFields = {
  status: string;
  heldFrom: string | null;
  dueDate: string | null;
  legDueDate: string | null;
  completedAt: Date | null;
};

/** Whether the courier holds the package past the postal leg's limit (J+n). */
export function isLegLate(j: Pick<BoardFields, 'status' | 'legDueDate'>, clock: BoardClock) {
  return (
    j.legDueDate !== null &&
    !POSTAL_LEG_OVER_STATUSES.includes(j.status as JobStatus) &&
    clock.today > j.legDueDate
  );
}

/**
 * Whether the job is (or was, when completed) past its due date, or its package is held
 * past the postal leg's limit.
 */
export function isJobLate(j: BoardFields, clock: BoardClock): boolean {
  if (isLegLate(j, clock)) return true;
  if (!j.dueDate) return false;
  if (j.status === 'completed') return j.completedAt ? toVnDate(j.completedAt) > j.dueDate : false;
  if (TERMINAL_STATUSES.includes(j.status as JobStatus)) return false;
  return clock.today > j.dueDate;
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

const terminal = [...TERMINAL_STATUSES];

/** SQL twin of {@link isLegLate}. */
export function legLateSql(clock: BoardClock): SQL {
  return and(
    isNotNull(jobs.legDueDate),
    notInArray(jobs.status, [...POSTAL_LEG_OVER_STATUSES]),
    sql`${jobs.legDueDate} < ${clock.today}::date`,
  )!;
}

/** SQL twin of {@link isJobLate}, for filters. */
export function lateSql(clock: BoardClock): SQL {
  return or(
    legLateSql(clock),
    and(
      notInArray(jobs.status, terminal),
      isNotNull(jobs.dueDate),
      sql`${jobs.dueDate} < ${clock.today}::date`,
    ),
    and(
      sql`${jobs.status} = 'completed'`,
      sql`(${jobs.completedAt} at time zone 'Asia/Ho_Chi_Minh')::date > ${jobs.dueDate}`,
    ),
  )!;
}

/** SQL twin of {@link jobBoard} = `board`. */
export function boardSql(board: JobBoard, clock: BoardClock): SQL {
  const late = lateSql(clock);
  const notStarted = or(
    inArray(jobs.status, [...NOT_STARTED]),
    and(sql`${jobs.status} = 'on_hold'`, inArray(jobs.heldFrom, [...NOT_STARTED])),
  );
  const redOpen = and(
    notInArray(jobs.status, terminal),
    or(late, and(notStarted, isNotNull(jobs.dueDate), sql`${jobs.dueDate} <= ${clock.near}::date`)),
  )!;
  const red = or(redOpen, and(sql`${jobs.status} = 'completed'`, late))!;
  const green = and(inArray(jobs.status, terminal), sql`not coalesce(${late}, false)`)!;
  if (board === 'red') return red;
  if (board === 'green') return green;
  return and(notInArray(jobs.status, terminal), sql`not coalesce(${redOpen}, false)`)!;
}
