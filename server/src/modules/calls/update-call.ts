import type { Call, UpdateCallInput } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError, conflict, unprocessable } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { runTransaction } from '../../lib/unit-of-work';
import { can } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import { callView, checkCallRefs, loadCall, type CallRow } from './call-record';
import * as repo from './calls.repository';
import { feedbackDueFrom } from './feedback';

/** A closed call is changed only by a supervisor, and only with a reason. */
function assertClosedEditAllowed(auth: AuthContext, c: CallRow, reason: string | undefined) {
  if (!can(auth, 'calls.updateClosed', c)) {
    throw new AppError(409, 'call_closed', {
      vi: `Phiếu ${c.ticketCode} đã đóng; chỉ lãnh đạo mới sửa được (kèm lý do).`,
      en: `Call ${c.ticketCode} is closed; only a manager can change it (with a reason).`,
    });
  }
  if (!reason || reason.trim().length < 5) {
    throw unprocessable(
      'reason_required',
      { vi: 'Sửa phiếu đã đóng cần ghi lý do.', en: 'Changing a closed call needs a reason.' },
      {
        reason: {
          vi: 'Hãy ghi lý do (ít nhất 5 ký tự)',
          en: 'Give a reason (at least 5 characters)',
        },
      },
    );
  }
}

/**
 * Edits a call. Open calls: any desk role of the unit. Closed calls: only a manager or
 * admin, with a reason that is written to the audit log with the before/after values.
 */
export async function updateCall(
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdateCallInput,
): Promise<Call> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, id, 'calls.update', { forUpdate: true });
    if (input.version !== undefined && input.version !== c.version) {
      throw conflict('call_version_conflict', {
        vi: `Phiếu ${c.ticketCode} vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.`,
        en: `Call ${c.ticketCode} was just changed by someone else. Reload and edit again.`,
      });
    }
    const { reason, version: _v, ...fields } = input;
    if (c.closedAt) assertClosedEditAllowed(auth, c, reason);
    await checkCallRefs(tx, auth, fields);
    const patch: Partial<CallRow> = { ...fields } as Partial<CallRow>;
    const category = fields.category !== undefined ? fields.category : c.category;
    if (category === 'feedback' && !c.feedbackDueDate && fields.feedbackDueDate === undefined) {
      patch.feedbackDueDate = await feedbackDueFrom(tx, c.startedAt);
    }
    if (fields.answer !== undefined)
      patch.answeredFeedbackAt = fields.answer ? (c.answeredFeedbackAt ?? new Date()) : null;
    await repo.updateCallRow(tx, id, patch);
    if (c.closedAt) {
      const keys = Object.keys(patch) as (keyof CallRow)[];
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'call.update_closed',
        entityType: 'call',
        entityId: id,
        before: Object.fromEntries(keys.map((k) => [k, c[k]])),
        after: Object.fromEntries(keys.map((k) => [k, patch[k]])),
        reason: reason ?? null,
      });
    }
    return callView(tx, id);
  });
}

/** Closes a call: it needs a category and an outcome first. */
export async function closeCall(db: Db, auth: AuthContext, id: string): Promise<Call> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, id, 'calls.close', { forUpdate: true });
    if (c.closedAt) return callView(tx, id);
    const fields: Record<string, { vi: string; en: string }> = {};
    if (!c.category) fields.category = { vi: 'Chọn loại cuộc gọi', en: 'Choose a category' };
    if (!c.outcome) fields.outcome = { vi: 'Chọn kết quả xử lý', en: 'Choose an outcome' };
    if (Object.keys(fields).length > 0) {
      throw unprocessable(
        'call_incomplete',
        {
          vi: 'Chưa thể đóng phiếu: còn thiếu thông tin.',
          en: 'The call cannot be closed yet: some fields are missing.',
        },
        fields,
      );
    }
    const now = new Date();
    await repo.updateCallRow(tx, id, {
      closedAt: now,
      closedBy: auth.user.id,
      endedAt: c.endedAt ?? now,
    });
    return callView(tx, id);
  });
}

/** Manager/admin: opens a closed call again; the reason goes to the audit log. */
export async function reopenCall(
  db: Db,
  auth: AuthContext,
  id: string,
  reason: string,
): Promise<Call> {
  return runTransaction(db, async (tx) => {
    const c = await loadCall(tx, auth, id, 'calls.reopen', { forUpdate: true });
    if (!c.closedAt) return callView(tx, id);
    await repo.updateCallRow(tx, id, { closedAt: null, closedBy: null });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'call.reopen',
      entityType: 'call',
      entityId: id,
      before: { closedAt: c.closedAt },
      after: { closedAt: null },
      reason,
    });
    return callView(tx, id);
  });
}
