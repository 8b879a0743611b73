import { maskPhone, normalizePhone, type ListSmsQuery, type SmsMessage } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { assertCan, can } from '../../policies';
import { renderSmsTemplate } from './sms-templates.service';
import * as repo from './sms.repository';

export { DEFAULT_SMS_TEMPLATES } from './sms.templates';
export { startSmsWorker } from './sms.worker';
export { listSmsTemplates, renderSmsTemplate, saveSmsTemplate } from './sms-templates.service';

/**
 * Puts one SMS in the outbox inside the caller's transaction, so it is sent if and only if
 * the change it reports commits. Returns null (and queues nothing) when the citizen opted
 * out of SMS or the number cannot receive SMS. The worker sends it later.
 */
export async function queueSms(
  tx: DbOrTx,
  msg: {
    /** E.164 */
    to: string;
    template: string;
    vars: Record<string, string | number>;
    jobId?: string | null;
    citizenId?: string | null;
    callId?: string | null;
  },
): Promise<{ id: string } | null> {
  const phone = normalizePhone(msg.to);
  if (!phone.ok || phone.kind !== 'mobile') return null;
  if (await repo.citizenOptedOut(tx, { citizenId: msg.citizenId, phone: phone.e164 })) return null;
  const body = await renderSmsTemplate(tx, msg.template, msg.vars);
  return repo.insertOutboxMessage(tx, {
    toPhone: phone.e164,
    template: msg.template,
    body,
    jobId: msg.jobId ?? null,
    citizenId: msg.citizenId ?? null,
    callId: msg.callId ?? null,
  });
}

/** What every screen shows of an outgoing SMS: the masked phone, the text, its status and times. */
export function presentSmsBasics(r: repo.SmsRow) {
  return {
    id: r.id,
    to: maskPhone(r.toPhone),
    template: r.template,
    body: r.body,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/** The outbox screen's row: the basics and how it is being sent. */
function presentSms(r: repo.SmsRow): SmsMessage {
  return {
    ...presentSmsBasics(r),
    status: r.status as SmsMessage['status'],
    attempts: r.attempts,
    transport: r.transport,
    providerId: r.providerId,
    jobId: r.jobId,
  };
}

/**
 * The outbox as staff read it: messages about jobs or calls of the caller's units (admins
 * also see messages linked to neither). Phone numbers are masked.
 */
export async function listSms(db: Db, auth: AuthContext, q: ListSmsQuery) {
  assertCan(auth, 'sms.list');
  const phone = q.phone ? normalizePhone(q.phone) : undefined;
  const { rows, total } = await repo.findOutbox(db, {
    unitIds: auth.unitIds,
    includeUnlinked: can(auth, 'sms.list_unlinked'),
    status: q.status,
    toPhone: phone ? (phone.ok ? phone.e164 : q.phone) : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentSms), total };
}

const FINAL_PROVIDER_STATES: Record<string, 'delivered' | 'undelivered' | 'failed'> = {
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

/**
 * Delivery report from Twilio: records the provider status, and moves the row to
 * delivered / undelivered / failed. A report never moves a delivered message back.
 */
export async function recordSmsStatus(
  db: Db,
  r: {
    outboxId?: string | undefined;
    messageSid: string;
    status: string;
    errorCode?: string | undefined;
  },
) {
  await repo.recordProviderStatus(db, { ...r, final: FINAL_PROVIDER_STATES[r.status] });
}
