import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../db/client';
import { calls, citizens, jobs, smsOutbox, smsTemplates } from '../../db/schema';

export type SmsRow = typeof smsOutbox.$inferSelect;
export type SmsTemplateRow = typeof smsTemplates.$inferSelect;

// ── templates ────────────────────────────────────────────────────────────────

/** The admin's text of one template, if there is one. */
export async function findTemplateBody(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await db
    .select({ body: smsTemplates.body })
    .from(smsTemplates)
    .where(eq(smsTemplates.key, key))
    .limit(1);
  return row?.body;
}

/** Every template text an admin saved. */
export async function findTemplates(db: DbOrTx): Promise<SmsTemplateRow[]> {
  return db.select().from(smsTemplates);
}

/** Saves the admin's text of one template. */
export async function upsertTemplate(
  db: DbOrTx,
  t: { key: string; body: string; vars: string[]; updatedBy: string },
): Promise<void> {
  await db
    .insert(smsTemplates)
    .values(t)
    .onConflictDoUpdate({
      target: smsTemplates.key,
      set: { body: t.body, updatedBy: t.updatedBy, updatedAt: new Date() },
    });
}

/** Removes the admin's text (the built-in one applies again). */
export async function deleteTemplate(db: DbOrTx, key: string): Promise<void> {
  await db.delete(smsTemplates).where(eq(smsTemplates.key, key));
}

// ── outbox ───────────────────────────────────────────────────────────────────

/** Whether the citizen (by id, else by phone) opted out of SMS. */
export async function citizenOptedOut(
  db: DbOrTx,
  who: { citizenId?: string | null | undefined; phone: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(
      and(
        eq(citizens.smsOptOut, true),
        who.citizenId ? eq(citizens.id, who.citizenId) : eq(citizens.phone, who.phone),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Puts one message in the outbox. */
export async function insertOutboxMessage(
  db: DbOrTx,
  m: typeof smsOutbox.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await db.insert(smsOutbox).values(m).returning({ id: smsOutbox.id });
  return row!;
}

/** Filters of the outbox list; `unitIds` are the units whose jobs or calls are visible. */
export type OutboxFilter = {
  unitIds: readonly string[];
  /** Also messages linked to neither a job nor a call. */
  includeUnlinked: boolean;
  status?: string | undefined;
  toPhone?: string | undefined;
  limit: number;
  offset: number;
};

function outboxWhere(f: OutboxFilter): SQL | undefined {
  const scope = [...f.unitIds];
  const visible = or(
    inArray(jobs.unitId, scope),
    inArray(calls.unitId, scope),
    f.includeUnlinked ? and(isNull(smsOutbox.jobId), isNull(smsOutbox.callId)) : sql`false`,
  );
  return and(
    visible,
    f.status ? eq(smsOutbox.status, f.status) : undefined,
    f.toPhone ? eq(smsOutbox.toPhone, f.toPhone) : undefined,
  );
}

/** One page of the outbox, newest first, with the total count. */
export async function findOutbox(db: Db, f: OutboxFilter) {
  const where = outboxWhere(f);
  const rows = await db
    .select({ sms: smsOutbox })
    .from(smsOutbox)
    .leftJoin(jobs, eq(jobs.id, smsOutbox.jobId))
    .leftJoin(calls, eq(calls.id, smsOutbox.callId))
    .where(where)
    .orderBy(desc(smsOutbox.createdAt))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(smsOutbox)
    .leftJoin(jobs, eq(jobs.id, smsOutbox.jobId))
    .leftJoin(calls, eq(calls.id, smsOutbox.callId))
    .where(where);
  return { rows: rows.map((r) => r.sms), total: count?.n ?? 0 };
}

/** Records a provider delivery report; a delivered message never moves back. */
export async function recordProviderStatus(
  db: Db,
  r: {
    outboxId?: string | undefined;
    messageSid: string;
    status: string;
    final?: 'delivered' | 'undelivered' | 'failed' | undefined;
    errorCode?: string | undefined;
  },
): Promise<void> {
  const match = r.outboxId ? eq(smsOutbox.id, r.outboxId) : eq(smsOutbox.providerId, r.messageSid);
  await db
    .update(smsOutbox)
    .set({
      providerStatus: r.status,
      providerId: sql`coalesce(${smsOutbox.providerId}, ${r.messageSid})`,
      ...(r.final
        ? {
            status: r.final,
            deliveredAt: r.final === 'delivered' ? new Date() : undefined,
            error: r.errorCode ? `provider error ${r.errorCode}` : undefined,
          }
        : {}),
      updatedAt: new Date(),
    })
    .where(and(match, sql`${smsOutbox.status} <> 'delivered'`));
}

// ── worker (see sms.worker.ts for the delivery guarantee) ────────────────────

/** A message the worker holds. */
export type OutboxClaim = {
  id: string;
  to_phone: string;
  body: string;
  attempts: number;
  prev_claimed_at?: Date | string | null;
};

/** Takes over `sending` rows whose claim is older than the lease (their worker died). */
export async function claimStaleSending(
  db: Db,
  c: { token: string; leaseMs: number; batchSize: number },
): Promise<OutboxClaim[]> {
  return queryRows<OutboxClaim>(
    db,
    sql`with stale as (
          select id, claimed_at from sms_outbox
          where status = 'sending' and claimed_at < now() - (${c.leaseMs} * interval '1 millisecond')
          order by claimed_at limit ${c.batchSize} for update skip locked)
        update sms_outbox o set claimed_at = now(), claim_token = ${c.token}, updated_at = now()
        from stale where o.id = stale.id
        returning o.id, o.to_phone, o.body, o.attempts, stale.claimed_at as prev_claimed_at`,
  );
}

/** Provider ids already recorded for other messages to this number. */
export async function findUsedProviderIds(
  db: Db,
  toPhone: string,
  exceptId: string,
): Promise<string[]> {
  const rows = await queryRows<{ provider_id: string }>(
    db,
    sql`select provider_id from sms_outbox where to_phone = ${toPhone} and provider_id is not null and id <> ${exceptId}`,
  );
  return rows.map((u) => u.provider_id);
}

/** Claims due `queued` rows (moves them to `sending`, counts the attempt). */
export async function claimDue(
  db: Db,
  c: { token: string; batchSize: number },
): Promise<OutboxClaim[]> {
  return queryRows<OutboxClaim>(
    db,
    sql`update sms_outbox set status = 'sending', claimed_at = now(), claim_token = ${c.token}, attempts = attempts + 1, updated_at = now()
        where id in (
          select id from sms_outbox where status = 'queued' and next_attempt_at <= now()
          order by next_attempt_at limit ${c.batchSize} for update skip locked)
        returning id, to_phone, body, attempts`,
  );
}

/**
 * A claimed message reached the provider. `providerStatus` is given by a send (which also
 * stamps `sent_at`); a reconciled message keeps the provider status and any `sent_at`.
 */
export async function markSent(
  db: Db,
  m: {
    id: string;
    token: string;
    providerId: string;
    providerStatus?: string | null;
    transport: string;
  },
): Promise<void> {
  const sent = m.providerStatus !== undefined;
  await db.execute(sql`update sms_outbox set status = 'sent', provider_id = ${m.providerId}${
    sent ? sql`, provider_status = ${m.providerStatus}` : sql``
  },
      transport = ${m.transport}, sent_at = ${sent ? sql`now()` : sql`coalesce(sent_at, now())`}, error = null, updated_at = now()
    where id = ${m.id} and claim_token = ${m.token} and status = 'sending'`);
}

/** An interrupted message did not reach the provider: queue it again now. */
export async function requeueInterrupted(db: Db, id: string, token: string): Promise<void> {
  await db.execute(sql`update sms_outbox set status = 'queued', next_attempt_at = now(),
      error = 'Gửi bị gián đoạn, nhà mạng chưa nhận tin: gửi lại / interrupted before the provider got it: sending again', updated_at = now()
    where id = ${id} and claim_token = ${token} and status = 'sending'`);
}

/** A send failed: retry after `delayMs`, or give up (`failed`). */
export async function markSendFailed(
  db: Db,
  m: {
    id: string;
    token: string;
    giveUp: boolean;
    delayMs: number;
    error: string;
    transport: string;
  },
): Promise<void> {
  await db.execute(sql`update sms_outbox set status = ${m.giveUp ? 'failed' : 'queued'},
      next_attempt_at = now() + (${m.delayMs} * interval '1 millisecond'), error = ${m.error}, transport = ${m.transport}, updated_at = now()
    where id = ${m.id} and claim_token = ${m.token} and status = 'sending'`);
}
