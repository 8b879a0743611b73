import {
  addDays,
  toVnDate,
  vnStartOfDay,
  type ReportRangeQuery,
  type ReportSummary,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { jobFigures } from './job-figures';
import { cashFigures, moneyFigures, ratingFigures } from './ledger-figures.repository';
import type { ReportWindow } from './report-window';
import { listOverdueJobs } from '../jobs/jobs.service';
import { callFigures, findReportUnit, userNames } from './reports.repository';
import { presentReportSummary } from './reports.presenter';

export type { ReportWindow };

/** Abilities that read a unit's figures: the dashboard, its exports, its ratings. */
export type ReportAbility = 'reports.read' | 'exports.download' | 'ratings.list';

/**
 * A unit the caller may read figures of (their own by default) with every unit below it:
 * 403 outside the caller's units, 404 for an unknown unit.
 */
export async function resolveReportUnits(
  db: DbOrTx,
  auth: AuthContext,
  can: ReportAbility | 'reconciliation.read' | 'reconciliation.write',
  unitId: string | undefined,
) {
  const id = unitId ?? auth.user.unitId;
  assertCan(auth, can, { unitId: id });
  const found = await findReportUnit(db, id);
  if (!found) throw notFound({ vi: 'Đơn vị', en: 'Unit' });
  return found;
}

/**
 * The unit a report is about (the caller's own by default) with every unit below it, after
 * checking the caller may see it. Used by the dashboard, the exports and the ratings alike.
 */
export async function resolveReportScope(
  db: DbOrTx,
  auth: AuthContext,
  can: ReportAbility,
  query: ReportRangeQuery,
  now = new Date(),
) {
  const { unit, unitIds } = await resolveReportUnits(db, auth, can, query.unitId);
  const window: ReportWindow = {
    unitIds,
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
 * reports.repository.ts and ledger-figures.repository.ts), so the answer time does not
 * grow with the number of rows sent.
 */
export async function getReportSummary(
  db: Db,
  auth: AuthContext,
  query: ReportRangeQuery,
  now = new Date(),
): Promise<ReportSummary> {
  const { unit, window } = await resolveReportScope(db, auth, 'reports.read', query, now);
  const [callsF, jobsF, late, money, ratings, cash] = await Promise.all([
    callFigures(db, window),
    jobFigures(db, window),
    listOverdueJobs(db, window.unitIds, now),
    moneyFigures(db, window),
    ratingFigures(db, window),
    cashFigures(db, window),
  ]);
  const courierIds = new Set([
    ...jobsF.couriers.map((c) => c.courierId),
    ...ratings.couriers.map((c) => c.courierId),
  ]);
  const names = await userNames(db, [...courierIds]);
  const parts = { query, unit, window, now, callsF, jobsF, late, money, ratings, cash, names };
  return presentReportSummary(parts);
}

/** Bulk inserts of jobs (a results intake): pause the rollup triggers, then add set-based. */
export { addJobRollups, pauseJobRollups } from './report-rollups.repository';
