import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  addDays,
  foldVietnamese,
  POSTAL_LEG_OVER_STATUSES,
  TERMINAL_STATUSES,
  vnStartOfDay,
  type JobBoard,
  type JobStatus,
  type JobType,
} from '@tannha/shared';
import type { DbOrTx } from '../../db/client';
import { citizens, jobs, units, users } from '../../db/schema';
import type { JobListScope } from '../../policies/jobs.policy';
import { NOT_STARTED, type BoardClock } from './job-board';
import {
  countJobViews,
  findJobIdsChangedSince,
  findJobViews,
  type JobView,
} from './jobs.repository';

const terminal = [...TERMINAL_STATUSES];

/** SQL twin of `isLegLate`. */
export function legLateSql(clock: Pick<BoardClock, 'today'>): SQL {
  return and(
    isNotNull(jobs.legDueDate),
    notInArray(jobs.status, [...POSTAL_LEG_OVER_STATUSES]),
    sql`${jobs.legDueDate} < ${clock.today}::date`,
  )!;
}

/** SQL twin of `isOverdueOpen` (shared/src/overdue.ts): open, past its due date or its leg's limit. */
export function overdueSql(today: string): SQL {
  return and(
    notInArray(jobs.status, terminal),
    or(legLateSql({ today }), and(isNotNull(jobs.dueDate), sql`${jobs.dueDate} < ${today}::date`)),
  )!;
}

/** SQL twin of `isJobLate`, for filters: overdue, or completed late. */
export function lateSql(clock: Pick<BoardClock, 'today'>): SQL {
  return or(
    overdueSql(clock.today),
    and(
      sql`${jobs.status} = 'completed'`,
      sql`(${jobs.completedAt} at time zone 'Asia/Ho_Chi_Minh')::date > ${jobs.dueDate}`,
    ),
  )!;
}

/** SQL twin of `jobBoard` = `board`. */
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

/** What a caller may see, as SQL (see `jobListScope` in the policy). */
function scopeSql(scope: JobListScope): SQL {
  if (scope.courierId !== undefined) return eq(jobs.courierId, scope.courierId);
  return inArray(jobs.unitId, [...scope.unitIds]);
}

/** The filters of the job list, already checked by the service. */
export type JobFilter = {
  /** The unit and the units below it (already expanded). */
  unitIds?: string[] | undefined;
  status?: JobStatus[] | undefined;
  type?: JobType | undefined;
  courierId?: string | 'none' | undefined;
  open?: boolean | undefined;
  late?: boolean | undefined;
  board?: JobBoard[] | undefined;
  due?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
};

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => '\\' + c);

function filterSql(scope: JobListScope, f: JobFilter, clock: BoardClock): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeSql(scope)];
  if (f.unitIds) conds.push(inArray(jobs.unitId, f.unitIds));
  if (f.status?.length) conds.push(inArray(jobs.status, f.status));
  if (f.type) conds.push(eq(jobs.type, f.type));
  if (f.courierId === 'none') conds.push(isNull(jobs.courierId));
  else if (f.courierId) conds.push(eq(jobs.courierId, f.courierId));
  if (f.open) conds.push(notInArray(jobs.status, terminal));
  if (f.late !== undefined)
    conds.push(f.late ? lateSql(clock) : sql`not coalesce(${lateSql(clock)}, false)`);
  if (f.board?.length) conds.push(or(...f.board.map((b) => boardSql(b, clock))));
  if (f.due) conds.push(lte(jobs.dueDate, f.due));
  if (f.from) conds.push(gte(jobs.createdAt, vnStartOfDay(f.from)));
  if (f.to) conds.push(sql`${jobs.createdAt} < ${vnStartOfDay(addDays(f.to, 1))}`);
  const folded = foldVietnamese(f.q ?? '').trim();
  if (folded) {
    const pattern = `%${escapeLike(folded)}%`;
    conds.push(
      or(
        sql`vn_fold(${jobs.code} || ' ' || coalesce(${jobs.dossierCode}, '')) like ${pattern}`,
        sql`vn_fold(${citizens.fullName}) like ${pattern}`,
        sql`vn_fold(${jobs.addressText}) like ${pattern}`,
      ),
    );
  }
  return and(...conds);
}

/** One page of the jobs a caller may see; `urgent`: priority then due date, `recent`: newest first. */
export async function findJobPage(
  db: DbOrTx,
  opts: {
    scope: JobListScope;
    filter: JobFilter;
    clock: BoardClock;
    sort: 'urgent' | 'recent';
    page: number;
    pageSize: number;
  },
): Promise<{ views: JobView[]; total: number }> {
  const where = filterSql(opts.scope, opts.filter, opts.clock);
  const orderBy =
    opts.sort === 'urgent'
      ? [desc(jobs.priority), sql`${jobs.dueDate} asc nulls last`, asc(jobs.createdAt)]
      : [desc(jobs.createdAt)];
  const [views, total] = await Promise.all([
    findJobViews(db, {
      where,
      orderBy,
      limit: opts.pageSize,
      offset: (opts.page - 1) * opts.pageSize,
    }),
    countJobViews(db, where),
  ]);
  return { views, total };
}

/**
 * Jobs in scope that got events after `since`. A reassigned job leaves its old courier's
 * scope; the old courier learns it through the event's data, so a courier also sees jobs
 * whose events name them as previous courier.
 */
export function findJobIdsChangedInScope(
  db: DbOrTx,
  since: number,
  scope: JobListScope,
  limit: number,
) {
  const where =
    scope.courierId !== undefined
      ? or(
          eq(jobs.courierId, scope.courierId),
          sql`job_events.data->>'previousCourierId' = ${scope.courierId}`,
        )
      : scopeSql(scope);
  return findJobIdsChangedSince(db, since, where, limit);
}

/**
 * Overdue jobs of the units (by {@link overdueSql}), most overdue first, with the date they
 * missed (`reason`: the due date, or the postal leg's limit) and whoever holds them; and
 * how many there are in all (the list stops at `limit`).
 */
export async function findOverdueJobs(
  db: DbOrTx,
  unitIds: readonly string[],
  today: string,
  limit: number,
) {
  if (unitIds.length === 0) return { total: 0, items: [] };
  const where = and(inArray(jobs.unitId, [...unitIds]), overdueSql(today));
  const missedDue = sql`(${jobs.dueDate} is not null and ${jobs.dueDate} < ${today}::date)`;
  const missed = sql`case when ${missedDue} then ${jobs.dueDate} else ${jobs.legDueDate} end`;
  const [items, [count]] = await Promise.all([
    db
      .select({
        jobId: jobs.id,
        code: jobs.code,
        type: jobs.type,
        status: jobs.status,
        reason: sql<'due' | 'postal_leg'>`case when ${missedDue} then 'due' else 'postal_leg' end`,
        dueDate: sql<string>`to_char(${missed}, 'YYYY-MM-DD')`,
        legDueDate: sql<string | null>`to_char(${jobs.legDueDate}, 'YYYY-MM-DD')`,
        unitName: units.name,
        holderId: jobs.courierId,
        holderName: users.fullName,
      })
      .from(jobs)
      .innerJoin(units, eq(units.id, jobs.unitId))
      .leftJoin(users, eq(users.id, jobs.courierId))
      .where(where)
      .orderBy(asc(missed), asc(jobs.createdAt))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(where),
  ]);
  return { total: Number(count?.n ?? 0), items };
}
