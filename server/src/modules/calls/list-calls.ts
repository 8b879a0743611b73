import {
  addDays,
  normalizePhone,
  vnStartOfDay,
  type Call,
  type ListCallsQuery,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { callView, loadCall } from './call-record';
import { presentCall } from './calls.presenter';
import * as repo from './calls.repository';

/** One call of the caller's units (taken or forwarded there). */
export async function getCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  await loadCall(db, auth, id, 'calls.read');
  return callView(db, id);
}

/** A typed number in E.164 when it reads as one, else its digits (a partial number). */
function phoneFilter(typed: string | undefined): string | undefined {
  if (!typed) return undefined;
  const p = normalizePhone(typed);
  return p.ok ? p.e164 : typed.replace(/[^\d+]/g, '');
}

/** The call log with filters (local dates, inclusive) and pagination, newest first. */
export async function listCalls(db: Db, auth: AuthContext, q: ListCallsQuery) {
  assertCan(auth, 'calls.list');
  if (q.unitId) assertCan(auth, 'calls.list', { unitId: q.unitId });
  const where = repo.callFilters({
    unitIds: q.unitId ? [q.unitId] : auth.unitIds,
    fromInstant: q.from ? vnStartOfDay(q.from) : undefined,
    toInstant: q.to ? vnStartOfDay(addDays(q.to, 1)) : undefined,
    category: q.category,
    outcome: q.outcome,
    direction: q.direction,
    operatorId: q.operatorId,
    phone: phoneFilter(q.phone),
    q: q.q,
    open: q.open === undefined ? undefined : q.open === 'true',
  });
  const [rows, total] = await Promise.all([
    repo.listCallViews(db, where, q.pageSize, (q.page - 1) * q.pageSize),
    repo.countCalls(db, where),
  ]);
  return { items: rows.map(presentCall), total, page: q.page, pageSize: q.pageSize };
}
