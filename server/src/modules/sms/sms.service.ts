import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  maskPhone,
  normalizePhone,
  SMS_TEMPLATE_KEYS,
  type ListSmsQuery,
  type SmsMessage,
  type SmsTemplate,
} from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { calls, citizens, jobs, smsOutbox, smsTemplates } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { recordAudit } from '../audit/audit.repository';
import { DEFAULT_SMS_TEMPLATES, fillTemplate } from './sms.templates';

export { DEFAULT_SMS_TEMPLATES } from './sms.templates';
export { startSmsWorker } from './sms.worker';

/** Which texts exist: the built-in keys plus any an admin added. */
async function templateBody(db: DbOrTx, key: string): Promise<string> {
  const row = (
    await db
      .select({ body: smsTemplates.body })
      .from(smsTemplates)
      .where(eq(smsTemplates.key, key))
      .limit(1)
  )[0];
  if (row) return row.body;
  const builtIn = (DEFAULT_SMS_TEMPLATES as Record<string, { body: string }>)[key];
  if (!builtIn) throw new Error(`unknown SMS template '${key}'`);
  return builtIn.body;
}

/** The text of template `key` (the admin's version when there is one) with `vars` filled in. */
export async function renderSmsTemplate(
  db: DbOrTx,
  key: string,
  vars: Record<string, string | number>,
): Promise<string> {
  return fillTemplate(await templateBody(db, key), vars);
}

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
  const optOut = await tx
    .select({ id: citizens.id })
    .from(citizens)
    .where(
      and(
        eq(citizens.smsOptOut, true),
        msg.citizenId ? eq(citizens.id, msg.citizenId) : eq(citizens.phone, phone.e164),
      ),
    )
    .limit(1);
  if (optOut.length > 0) return null;
  const body = await renderSmsTemplate(tx, msg.template, msg.vars);
  const [row] = await tx
    .insert(smsOutbox)
    .values({
      toPhone: phone.e164,
      template: msg.template,
      body,
      jobId: msg.jobId ?? null,
      citizenId: msg.citizenId ?? null,
      callId: msg.callId ?? null,
    })
    .returning({ id: smsOutbox.id });
  return { id: row!.id };
}

function presentSms(r: typeof smsOutbox.$inferSelect): SmsMessage {
  return {
    id: r.id,
    to: maskPhone(r.toPhone),
    template: r.template,
    body: r.body,
    status: r.status as SmsMessage['status'],
    attempts: r.attempts,
    transport: r.transport,
    providerId: r.providerId,
    error: r.error,
    jobId: r.jobId,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/**
 * The outbox as staff read it: messages about jobs or calls of the caller's units (admins
 * also see messages linked to neither). Phone numbers are masked.
 */
export async function listSms(db: Db, auth: AuthContext, q: ListSmsQuery) {
  const scope = [...auth.unitIds];
  const visible = or(
    inArray(jobs.unitId, scope),
    inArray(calls.unitId, scope),
    auth.user.role === 'admin'
      ? and(isNull(smsOutbox.jobId), isNull(smsOutbox.callId))
      : sql`false`,
  );
  const filters = [visible];
  if (q.status) filters.push(eq(smsOutbox.status, q.status));
  if (q.phone) {
    const p = normalizePhone(q.phone);
    filters.push(eq(smsOutbox.toPhone, p.ok ? p.e164 : q.phone));
  }
  const where = and(...filters);
  const base = db
    .select({ sms: smsOutbox })
    .from(smsOutbox)
    .leftJoin(jobs, eq(jobs.id, smsOutbox.jobId))
    .leftJoin(calls, eq(calls.id, smsOutbox.callId));
  const rows = await base
    .where(where)
    .orderBy(desc(smsOutbox.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(smsOutbox)
    .leftJoin(jobs, eq(jobs.id, smsOutbox.jobId))
    .leftJoin(calls, eq(calls.id, smsOutbox.callId))
    .where(where);
  return { items: rows.map((r) => presentSms(r.sms)), total: count?.n ?? 0 };
}

/** Built-in texts with the admin's overrides applied. */
export async function listSmsTemplates(db: DbOrTx): Promise<SmsTemplate[]> {
  const rows = await db.select().from(smsTemplates);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: SmsTemplate[] = SMS_TEMPLATE_KEYS.map((key) => {
    const own = byKey.get(key);
    return {
      key,
      body: own?.body ?? DEFAULT_SMS_TEMPLATES[key].body,
      vars: [...DEFAULT_SMS_TEMPLATES[key].vars],
      custom: Boolean(own),
    };
  });
  for (const r of rows)
    if (!(SMS_TEMPLATE_KEYS as readonly string[]).includes(r.key))
      out.push({ key: r.key, body: r.body, vars: r.vars, custom: true });
  return out;
}

/** Admin: replaces the text of one template (audited); `body: null` restores the default. */
export async function saveSmsTemplate(db: Db, auth: AuthContext, key: string, body: string | null) {
  if (!(SMS_TEMPLATE_KEYS as readonly string[]).includes(key)) {
    throw new AppError(404, 'not_found', {
      vi: `Mẫu tin nhắn "${key}" không tồn tại.`,
      en: `SMS template "${key}" was not found.`,
    });
  }
  if (body !== null && /(?<!\d)\d{12}(?!\d)/.test(body)) {
    throw new AppError(422, 'sms_template_personal_data', {
      vi: 'Mẫu tin nhắn không được chứa số CCCD hay số 12 chữ số.',
      en: 'An SMS template must not contain an ID number or any 12-digit number.',
    });
  }
  await db.transaction(async (tx) => {
    const before = await templateBody(tx, key);
    if (body === null) await tx.delete(smsTemplates).where(eq(smsTemplates.key, key));
    else
      await tx
        .insert(smsTemplates)
        .values({
          key,
          body,
          vars: [...DEFAULT_SMS_TEMPLATES[key as keyof typeof DEFAULT_SMS_TEMPLATES].vars],
          updatedBy: auth.user.id,
        })
        .onConflictDoUpdate({
          target: smsTemplates.key,
          set: { body, updatedBy: auth.user.id, updatedAt: new Date() },
        });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'sms_template.update',
      entityType: 'sms_template',
      entityId: key,
      before: { body: before },
      after: { body },
    });
  });
  return (await listSmsTemplates(db)).find((t) => t.key === key)!;
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
  const final = FINAL_PROVIDER_STATES[r.status];
  const match = r.outboxId ? eq(smsOutbox.id, r.outboxId) : eq(smsOutbox.providerId, r.messageSid);
  await db
    .update(smsOutbox)
    .set({
      providerStatus: r.status,
      providerId: sql`coalesce(${smsOutbox.providerId}, ${r.messageSid})`,
      ...(final
        ? {
            status: final,
            deliveredAt: final === 'delivered' ? new Date() : undefined,
            error: r.errorCode ? `provider error ${r.errorCode}` : undefined,
          }
        : {}),
      updatedAt: new Date(),
    })
    .where(and(match, sql`${smsOutbox.status} <> 'delivered'`));
}
