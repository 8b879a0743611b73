import {
  isWorkingDay,
  nextWorkingDay,
  toVnDate,
  vnStartOfDay,
  type JobStatus,
  type JobType,
  type WorkingCalendar,
} from '@tannha/shared';
import type { demoRandom } from './demo-random';

type Rnd = ReturnType<typeof demoRandom>;

/** How a demo job's story goes, as in a working office. */
export type DemoPlan = 'on_time' | 'late' | 'open_late' | 'cancelled';

/** One step of a demo job's history. */
export type DemoStep = {
  from: JobStatus | null;
  to: JobStatus;
  at: Date;
  reason?: string;
  /** `assign` for the dispatcher's first assignment, else a transition. */
  kind: 'created' | 'assign' | 'transition';
};

/** A demo job's history up to now, in order, and the job's columns that follow from it. */
export type DemoStory = {
  steps: DemoStep[];
  status: JobStatus;
  window: { start: Date; end: Date };
  assignedAt: Date | null;
  completedAt: Date | null;
  attempts: number;
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const VISIT_HOURS = [8, 9, 10, 13, 14, 15];

const at = (day: string, hour: number) => new Date(vnStartOfDay(day).getTime() + hour * HOUR);
const onOrAfter = (cal: WorkingCalendar, day: string) =>
  isWorkingDay(cal, day) ? day : nextWorkingDay(cal, day);

/** Working days from `from` to `to`, both included. */
function workingDays(cal: WorkingCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = onOrAfter(cal, from); d <= to; d = nextWorkingDay(cal, d)) out.push(d);
  return out;
}

/** The visit after the courier sets off, step by step, each a few minutes after the last. */
function visitSteps(type: JobType, attempt: 'success' | 'fail'): [JobStatus, number, number][] {
  const door: [JobStatus, number, number][] = [
    ['en_route', 0, 20],
    ['on_site', 15, 35],
  ];
  if (attempt === 'fail') return [...door, ['failed_attempt', 5, 15]];
  if (type === 'result_delivery') return [...door, ['delivered', 10, 25], ['completed', 2, 10]];
  if (type === 'home_assistance')
    return [...door, ['collected', 20, 40], ['submitted', 60, 120], ['completed', 5, 15]];
  return [...door, ['collected', 10, 20], ['completed', 2, 10]];
}

/**
 * The story of one demo job created at `createdAt` with due date `due`: assigned and
 * accepted within the hour, visited in an appointment window on a working day — on time for
 * most, after one failed attempt and past the due date for a few — then cut at `now`
 * (what has not happened yet is not written). Every step comes after the one before.
 */
export function demoJobStory(o: {
  type: JobType;
  createdAt: Date;
  due: string;
  cal: WorkingCalendar;
  now: Date;
  rnd: Rnd;
  plan: DemoPlan;
}): DemoStory {
  const { type, createdAt, due, cal, rnd } = o;
  const steps: DemoStep[] = [{ from: null, to: 'new', at: createdAt, kind: 'created' }];
  let last = createdAt.getTime();
  const push = (to: JobStatus, planned: number, reason?: string) => {
    last = Math.max(planned, last + 3 * MIN);
    const from = steps[steps.length - 1]!.to;
    const kind = to === 'assigned' && from === 'new' ? 'assign' : 'transition';
    steps.push({ from, to, at: new Date(last), kind, ...(reason ? { reason } : {}) });
  };
  const createdDay = toVnDate(createdAt);
  const createdHour = (createdAt.getTime() - vnStartOfDay(createdDay).getTime()) / HOUR;
  // The first day a courier could go: today when the call came early enough, else the next.
  const first = createdHour < 13 ? onOrAfter(cal, createdDay) : nextWorkingDay(cal, createdDay);
  const hourOn = (day: string) => {
    const hours = VISIT_HOURS.filter((h) => day !== createdDay || h >= createdHour + 1.5);
    return hours.length > 0 ? rnd.pick(hours) : 15;
  };
  const visitDays = workingDays(cal, first, due);
  const firstDay = o.plan === 'on_time' ? rnd.pick(visitDays.length ? visitDays : [first]) : due;
  const hour = hourOn(firstDay);
  const window = { start: at(firstDay, hour), end: at(firstDay, hour + 2) };

  push('assigned', createdAt.getTime() + rnd.int(10, 40) * MIN);
  if (o.plan === 'cancelled') {
    push('cancelled', last + rnd.int(20, 90) * MIN, 'Công dân không còn nhu cầu');
    return finish(steps, o.now, window);
  }
  push('accepted', last + rnd.int(5, 30) * MIN);
  if (o.plan === 'open_late') return finish(steps, o.now, window);

  const visit = (day: string, h: number, attempt: 'success' | 'fail') => {
    // A result is fetched from the agency's counter before the round.
    if (type === 'result_delivery' && steps[steps.length - 1]!.to === 'accepted')
      push('picked_up', at(day, h - 1).getTime() + rnd.int(0, 30) * MIN);
    let t = at(day, h).getTime();
    for (const [to, lo, hi] of visitSteps(type, attempt)) {
      t = Math.max(t, last) + rnd.int(lo, hi) * MIN;
      push(to, t, to === 'failed_attempt' ? 'citizen_absent' : undefined);
    }
  };
  if (o.plan === 'late') {
    visit(firstDay, hour, 'fail');
    push('assigned', last + rnd.int(10, 30) * MIN);
    push('accepted', last + rnd.int(5, 20) * MIN);
    const again = nextWorkingDay(cal, due);
    visit(again, rnd.pick(VISIT_HOURS), 'success');
  } else visit(firstDay, hour, 'success');
  return finish(steps, o.now, window);
}

/** Keeps what already happened (a minute before `now`) and derives the job's columns. */
function finish(all: DemoStep[], now: Date, window: DemoStory['window']): DemoStory {
  const steps = all.filter((s, i) => i === 0 || s.at.getTime() < now.getTime() - MIN);
  const assigned = steps.filter((s) => s.to === 'assigned');
  const done = steps.find((s) => s.to === 'completed');
  return {
    steps,
    status: steps[steps.length - 1]!.to,
    window,
    assignedAt: assigned.length ? assigned[assigned.length - 1]!.at : null,
    completedAt: done ? done.at : null,
    attempts: steps.filter((s) => s.to === 'on_site').length,
  };
}
