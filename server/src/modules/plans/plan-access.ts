import { formatVnDate } from '@tannha/shared';
import type { Db } from '../../db/client';
import { type AppError, conflict, notFound } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import * as repo from './plans.repository';

export const PLAN = { vi: 'Lộ trình', en: 'Plan' };

type PlanAbility = 'plans.read' | 'plans.update' | 'plans.commit';

/** The plan, when the caller may use `ability` on it (role first, then the plan's unit). */
export async function planInScope(
  db: Db,
  auth: AuthContext,
  id: string,
  ability: PlanAbility = 'plans.read',
): Promise<repo.PlanRow> {
  assertCan(auth, ability);
  const row = await repo.findPlan(db, id);
  if (!row) throw notFound(PLAN);
  assertCan(auth, ability, row);
  return row;
}

/** 409 `plan_already_committed`. */
export function alreadyCommitted(row: repo.PlanRow): AppError {
  return conflict('plan_already_committed', {
    vi: `Lộ trình ngày ${formatVnDate(row.date)} đã được chốt lúc ${row.committedAt ? new Date(row.committedAt).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }) : ''}; không sửa hay chốt lại được. Hãy lập lộ trình mới.`,
    en: `The plan for ${formatVnDate(row.date)} is already committed; it cannot be edited or committed again. Make a new plan.`,
  });
}
