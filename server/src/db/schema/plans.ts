import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tz, ref, timestamps } from './columns';
import { units } from './units';
import { users } from './users';

/**
 * A day's route plan for a unit: proposed by the planner, edited by the dispatcher, then
 * committed (assignments and stop order written to the jobs). `problem` keeps the solver's
 * input (matrix included) so an edit is re-timed without asking the router again;
 * `jobVersions` is each job's version when planned, so a commit can refuse a stale plan.
 */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    unitId: ref('unit_id', () => units.id),
    /** Local date (Asia/Ho_Chi_Minh) planned. */
    date: date('date', { mode: 'string' }).notNull(),
    /** proposed | committed */
    status: text('status').notNull().default('proposed'),
    budgetMs: integer('budget_ms').notNull(),
    solveMs: integer('solve_ms').notNull(),
    /** Solver input and the planner's context (see plans.service.ts `PlanContext`). */
    context: jsonb('context').notNull(),
    /** Current order per courier: [{ courierId, jobIds }]. */
    routes: jsonb('routes').notNull(),
    /** Jobs in no route, with the reason. */
    unassigned: jsonb('unassigned').notNull(),
    jobVersions: jsonb('job_versions').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
    committedBy: uuid('committed_by').references(() => users.id),
    committedAt: tz('committed_at'),
  },
  (t) => [index('plans_unit_date_idx').on(t.unitId, t.date)],
);
