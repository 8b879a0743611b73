import { eq } from 'drizzle-orm';
import {
  addDays,
  toVnDate,
  vnStartOfDay,
  type ReportRangeQuery,
  type ReportSummary,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { units } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { findUnitSubtreeIds } from '../units/units.repository';
import { assertUnitInScope } from '../units/units.service';
import {
  callFigures,
  cashFigures,
  jobFigures,
  lateJobs,
  moneyFigures,
  ratingFigures,
  userNames,
  type ReportWindow,
} from './reports.repository';

/**
 * The unit a report is about (the caller's own by default) with every unit below it, after
 * checking the caller may see it. Used by the dashboard and the exports alike.
 */
export async function resolveReportScope(
  db: DbOrTx,
  auth: AuthContext,
  query: ReportRangeQuery,
  now = new Date(),
) {
  const unitId = query.unitId ?? auth.user.unitId;
  assertUnitInScope(auth, unitId);
  const unit = (
    await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(eq(units.id, unitId))
      .limit(1)
  )[0];
  if (!unit) throw notFound({ vi: 'Đơn vị', en: 'Unit' });
  const subtree = await findUnitSubtreeIds(db, unitId);
  const window: ReportWindow = {
    unitIds: subtree,
    fromTs: vnStartOfDay(query.from),
    toTs: vnStartOfDay(addDays(query.to, 1)),
    fromDate: query.from,
    toDate: query.to,
    today: toVnDate(now),
  };
  return { unit, window };
}

/**
 * The manager dashboard for a unit and its sub-units over a range of local dates. The
 * figures are aggregated in SQL in six queries that run side by side (see
 * reports.repository.ts), so the answer time does not grow with the number of rows sent.
 */
export async function getReportSummary(
  db: Db,
  auth: AuthContext,
  query: ReportRangeQuery,
  now = new Date(),
): Promise<ReportSummary> {
  const { unit, window } = await resolveReportScope(db, auth, query, now);
  const [callsF, jobsF, late, money, ratings, cash] = await Promise.all([
    callFigures(db, window),
    jobFigures(db, window),
    lateJobs(db, window),
    moneyFigures(db, window),
    ratingFigures(db, window),
    cashFigures(db, window),
  ]);
  const ratingByCourier = new Map(ratings.couriers.map((c) => [c.courierId, c]));
  const names = await userNames(db, [
    ...new Set([
      ...jobsF.couriers.map((c) => c.courierId),
      ...ratings.couriers.map((c) => c.courierId),
    ]),
  ]);
  const distribution = [1, 2, 3, 4, 5].map((s) => ratings.dist.find((d) => d.stars === s)?.n ?? 0);
  const ratingCount = distribution.reduce((a, b) => a + b, 0);
  const ratingSum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const rate = (ok: number, bad: number) => (ok + bad === 0 ? null : ok / (ok + bad));

  return {
    range: {
      from: query.from,
      to: query.to,
      unitId: unit.id,
      unitName: unit.name,
      unitCount: window.unitIds.length,
    },
    generatedAt: now.toISOString(),
    calls: callsF,
    jobs: {
      total: jobsF.total,
      byType: jobsF.byType,
      byStatus: jobsF.byStatus,
      byProcedure: jobsF.byProcedure,
      byDay: jobsF.byDay,
    },
    onTime: { onTime: jobsF.onTime, late: jobsF.late, rate: rate(jobsF.onTime, jobsF.late) },
    legs: jobsF.legs.map((l) => ({
      leg: l.leg as ReportSummary['legs'][number]['leg'],
      count: l.count,
      avgSeconds: l.avgSeconds === null ? null : Number(l.avgSeconds),
    })),
    late,
    couriers: jobsF.couriers.map((c) => {
      const r = ratingByCourier.get(c.courierId);
      const who = names.get(c.courierId);
      return {
        courierId: c.courierId,
        name: who?.name ?? '',
        unitName: who?.unitName ?? '',
        jobs: c.jobs,
        completed: c.completed,
        onTime: c.onTime,
        late: c.late,
        onTimeRate: rate(c.onTime, c.late),
        distanceKm: Number(c.distanceKm),
        ratingCount: r?.n ?? 0,
        ratingAverage: r ? Math.round(r.avg * 100) / 100 : null,
      };
    }),
    distanceSource: 'job_coordinates',
    money,
    ratings: {
      count: ratingCount,
      average: ratingCount === 0 ? null : Math.round((ratingSum / ratingCount) * 100) / 100,
      distribution,
      recent: ratings.recent.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
    },
    cash: {
      handovers: Number(cash.n),
      expectedVnd: Number(cash.expected),
      countedVnd: Number(cash.counted),
      differenceVnd: Number(cash.diff),
      discrepancies: cash.discrepancies.map((d) => ({
        ...d,
        expectedVnd: Number(d.expectedVnd),
        countedVnd: Number(d.countedVnd),
        differenceVnd: Number(d.differenceVnd),
      })),
    },
  };
}
