import type { DbOrTx } from '../../db/client';
import type { ReportWindow } from './report-window';
import { findJobDoc, type CountRow, type JobDoc, type JobDocRow } from './reports.repository';

export type JobFigures = {
  total: number;
  byType: CountRow[];
  byStatus: CountRow[];
  byProcedure: {
    procedureId: string | null;
    code: string | null;
    name: string | null;
    count: number;
  }[];
  byDay: { date: string; created: number; completed: number }[];
  onTime: number;
  /** Completed late plus overdue open ones (shared/src/overdue.ts). */
  late: number;
  /** Of `late`, the jobs still open and overdue now. */
  openLate: number;
  legs: { leg: string; count: number; avgSeconds: number | null }[];
  couriers: {
    courierId: string;
    jobs: number;
    completed: number;
    onTime: number;
    late: number;
    distanceKm: number;
  }[];
};

type Courier = JobFigures['couriers'][number];

/** Folds the rollup rows (one per dimension value) into the figures, couriers and days apart. */
function foldRows(doc: JobDoc, w: ReportWindow) {
  const out: JobFigures = {
    total: 0,
    byType: [],
    byStatus: [],
    byProcedure: [],
    byDay: [],
    onTime: 0,
    late: 0,
    openLate: 0,
    legs: [],
    couriers: [],
  };
  const procs = new Map((doc.procs ?? []).map((p) => [p.id, p]));
  const days = new Map<string, { created: number; completed: number }>();
  const dayOf = (d: string) => {
    let v = days.get(d);
    if (!v) days.set(d, (v = { created: 0, completed: 0 }));
    return v;
  };
  const couriers = new Map<string, Courier>();
  const fold: Record<string, (r: JobDocRow) => void> = {
    all: (r) => {
      if (r.day) dayOf(r.day).created += r.n;
      out.total += r.n;
      out.onTime += r.ok;
      out.late += r.late;
    },
    type: (r) => out.byType.push({ key: r.key, count: r.n }),
    status: (r) => out.byStatus.push({ key: r.key, count: r.n }),
    procedure: (r) => {
      const p = r.key ? procs.get(r.key) : undefined;
      out.byProcedure.push({
        procedureId: r.key || null,
        code: p?.code ?? null,
        name: p?.name ?? null,
        count: r.n,
      });
    },
    courier: (r) => {
      if (!r.key) return;
      couriers.set(r.key, {
        courierId: r.key,
        jobs: r.n,
        completed: r.done,
        onTime: r.ok,
        late: r.late,
        distanceKm: 0,
      });
    },
    completed_on: (r) => {
      if (r.key >= w.fromDate && r.key <= w.toDate) dayOf(r.key).completed += r.n;
    },
  };
  for (const r of doc.rows ?? []) fold[r.dim]?.(r);
  return { out, days, couriers };
}

/** Average leg times: call → assignment, assignment → pickup, pickup → handover. */
function legTimes(L: JobDoc['legs']): JobFigures['legs'] {
  const leg = (leg: string, n: number | null | undefined, s: number | null | undefined) => ({
    leg,
    count: n ?? 0,
    avgSeconds: n ? Math.round(Number(s) / n) : null,
  });
  return [
    leg('call_to_assignment', L?.n1, L?.s1),
    leg('assignment_to_pickup', L?.n2, L?.s2),
    leg('pickup_to_handover', L?.n3, L?.s3),
  ];
}

/**
 * Everything about the jobs created in the window (see `findJobDoc`): counts by type,
 * status, procedure and day, on time and late (open jobs past due included), leg times and
 * per-courier figures with their distances.
 */
export async function jobFigures(db: DbOrTx, w: ReportWindow): Promise<JobFigures> {
  const doc = await findJobDoc(db, w);
  const { out, days, couriers } = foldRows(doc, w);
  for (const l of doc.openLate ?? []) {
    out.late += l.n;
    out.openLate += l.n;
    const c = l.courierId ? couriers.get(l.courierId) : undefined;
    if (c) c.late += l.n;
  }
  for (const d of doc.dist ?? []) {
    const c = couriers.get(d.courierId);
    if (c) c.distanceKm = Math.round(d.km * 10) / 10;
  }
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  out.byType.sort(byCount);
  out.byStatus.sort(byCount);
  out.byProcedure = out.byProcedure.sort(byCount).slice(0, 15);
  out.couriers = [...couriers.values()].sort((a, b) => b.jobs - a.jobs);
  out.byDay = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, v]) => ({ date, ...v }));
  out.legs = legTimes(doc.legs);
  return out;
}
