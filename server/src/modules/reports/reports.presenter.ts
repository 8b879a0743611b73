import type { ReportRangeQuery, ReportSummary } from '@tannha/shared';
import type { JobFigures } from './job-figures';
import type { cashFigures, MoneyFigures, ratingFigures } from './ledger-figures.repository';
import type { ReportWindow } from './report-window';
import type { listOverdueJobs } from '../jobs/jobs.service';
import type { CallFigures, userNames } from './reports.repository';

/** What the dashboard's queries returned, and what they were asked. */
export type ReportParts = {
  query: ReportRangeQuery;
  unit: { id: string; name: string };
  window: ReportWindow;
  now: Date;
  callsF: CallFigures;
  jobsF: JobFigures;
  late: Awaited<ReturnType<typeof listOverdueJobs>>;
  money: MoneyFigures;
  ratings: Awaited<ReturnType<typeof ratingFigures>>;
  cash: Awaited<ReturnType<typeof cashFigures>>;
  names: Awaited<ReturnType<typeof userNames>>;
};

const rate = (ok: number, bad: number) => (ok + bad === 0 ? null : ok / (ok + bad));

/** The dashboard's answer: figures put together, rates and averages computed, numbers as numbers. */
export function presentReportSummary(p: ReportParts): ReportSummary {
  const { query, unit, window, now, callsF, jobsF, late, money, ratings, cash, names } = p;
  const ratingByCourier = new Map(ratings.couriers.map((c) => [c.courierId, c]));
  const distribution = [1, 2, 3, 4, 5].map((s) => ratings.dist.find((d) => d.stars === s)?.n ?? 0);
  const ratingCount = distribution.reduce((a, b) => a + b, 0);
  const ratingSum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);

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
    onTime: {
      onTime: jobsF.onTime,
      late: jobsF.late,
      completedLate: jobsF.late - jobsF.openLate,
      overdueOpen: jobsF.openLate,
      rate: rate(jobsF.onTime, jobsF.late),
    },
    overdue: late.total,
    legs: jobsF.legs.map((l) => ({
      leg: l.leg as ReportSummary['legs'][number]['leg'],
      count: l.count,
      avgSeconds: l.avgSeconds === null ? null : Number(l.avgSeconds),
    })),
    late: late.items,
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
