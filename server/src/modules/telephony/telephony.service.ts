import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { normalizePhone, type IncomingCallEvent } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { citizens, units, users } from '../../db/schema';
import { connectTwiml, hangupTwiml, voicemailTwiml } from '../../integrations/twilio/twiml';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import { addressesOf, jobsOf, recentCallsOf } from '../citizens/citizens.repository';
import { ensureAutoCallback, insertCallWithTicket } from '../calls/calls.service';
import * as callsRepo from '../calls/calls.repository';
import type { CallRow } from '../calls/calls.repository';
import { isOpenAt, loadOfficeHours } from '../calls/office-hours';

export const GREETING =
  'Tổng đài 1022 xin kính chào quý khách. Cuộc gọi đang được chuyển tới điện thoại viên, xin vui lòng giữ máy.';
export const OUT_OF_HOURS_MESSAGE =
  'Tổng đài 1022 xin kính chào quý khách. Hiện đã ngoài giờ làm việc, từ 7 giờ 30 đến 17 giờ các ngày làm việc. Xin để lại lời nhắn sau tiếng bíp, chúng tôi sẽ gọi lại vào đầu giờ làm việc tiếp theo.';
export const BUSY_MESSAGE =
  'Các điện thoại viên đang bận. Xin để lại lời nhắn sau tiếng bíp, chúng tôi sẽ gọi lại cho quý khách sớm nhất.';

/**
 * Where calls go (settings, edited by an admin):
 * - `voice_lines`: `{ "<dialled number>": "<unit id>" }` — which unit answers a hotline
 *   number; unset or unknown number → the top unit (the province's 1022 centre).
 * - `voice_operators`: `{ "<unit id>": ["+849…", "client:operator1", "sip:…"] }` — what
 *   Twilio rings for that unit, all at once; unset → the phones of the unit's active
 *   operators (`users.phone`). No target → straight to voicemail and a callback.
 */
async function unitForLine(db: DbOrTx, to: string | undefined): Promise<string> {
  const lines = await callsRepo.readSetting<Record<string, string>>(db, 'voice_lines', {});
  const mapped = to ? lines[to] : undefined;
  if (mapped) return mapped;
  const [root] = await db
    .select({ id: units.id })
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.createdAt))
    .limit(1);
  if (!root) throw new Error('no unit to receive calls');
  return root.id;
}

export async function operatorTargets(db: DbOrTx, unitId: string): Promise<string[]> {
  const configured = await callsRepo.readSetting<Record<string, string[]>>(
    db,
    'voice_operators',
    {},
  );
  const list = configured[unitId];
  if (Array.isArray(list) && list.length > 0)
    return list.filter((t) => typeof t === 'string' && t.length > 0);
  const rows = await db
    .select({ phone: users.phone })
    .from(users)
    .where(
      and(
        eq(users.unitId, unitId),
        eq(users.role, 'operator'),
        eq(users.disabled, false),
        isNotNull(users.phone),
      ),
    );
  return rows.map((r) => r.phone!).filter(Boolean);
}

/** The caller's history for the screen pop: citizen, last calls, open jobs. */
export async function buildScreenPop(db: DbOrTx, c: CallRow): Promise<IncomingCallEvent> {
  let citizen: IncomingCallEvent['citizen'] = null;
  let openJobs: IncomingCallEvent['openJobs'] = [];
  if (c.citizenId) {
    const [row] = await db.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1);
    if (row) {
      const addresses = await addressesOf(db, [row.id]);
      citizen = {
        id: row.id,
        fullName: row.fullName,
        unitId: row.unitId,
        addresses: addresses.map((a) => ({
          id: a.id,
          addressText: a.addressText,
          wardCode: a.wardCode,
          lat: a.lat,
          lng: a.lng,
        })),
      };
      openJobs = (await jobsOf(db, row.id, 10, true)).map((j) => ({
        id: j.id,
        code: j.code,
        type: j.type,
        status: j.status,
        dueDate: j.dueDate,
      }));
    }
  }
  const lastCalls = (await recentCallsOf(db, c.citizenId, c.callerPhone, 6))
    .filter((x) => x.id !== c.id)
    .slice(0, 5)
    .map((x) => ({
      id: x.id,
      ticketCode: x.ticketCode,
      startedAt: x.startedAt.toISOString(),
      category: x.category,
      outcome: x.outcome,
      content: x.content,
    }));
  return {
    callId: c.id,
    ticketCode: c.ticketCode,
    callerPhone: c.callerPhone,
    startedAt: c.startedAt.toISOString(),
    outOfHours: c.outOfHours,
    citizen,
    lastCalls,
    openJobs,
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export type IncomingCall = {
  callSid: string;
  from: string;
  to?: string | undefined;
  /** Dev control: true = out of hours, false = in hours, undefined = by the clock and calendar. */
  forceOutOfHours?: boolean | undefined;
  /** Dev control: nobody is configured to ring → the console's own operators take it (no voicemail). */
  simulated?: boolean | undefined;
  now?: Date | undefined;
};

/**
 * The voice webhook: records the call once per CallSid (Twilio retries are answered with the
 * same TwiML and write nothing new), pops the caller's history on the unit's operators'
 * screens, and answers with TwiML — connect in office hours, voicemail and a callback
 * out of hours or when nobody can be rung.
 */
export async function handleIncomingCall(
  db: Db,
  input: IncomingCall,
  opts: { publicBaseUrl: string },
) {
  const now = input.now ?? new Date();
  const parsed = normalizePhone(input.from);
  const callerPhone = parsed.ok ? parsed.e164 : input.from.slice(0, 32) || 'unknown';
  const base = `${opts.publicBaseUrl}/api/twilio/voice`;

  const record = () =>
    runTransaction(db, async (tx) => {
      const existing = await callsRepo.getCallBySid(tx, input.callSid);
      if (existing) {
        const again = await operatorTargets(tx, existing.unitId);
        return {
          call: existing,
          created: false,
          targets: again.length === 0 && input.simulated ? ['client:operators'] : again,
        };
      }
      const unitId = await unitForLine(tx, input.to);
      const { cal, hours } = await loadOfficeHours(tx);
      const outOfHours = input.forceOutOfHours ?? !isOpenAt(cal, hours, now);
      let targets = outOfHours ? [] : await operatorTargets(tx, unitId);
      if (!outOfHours && targets.length === 0 && input.simulated) targets = ['client:operators'];
      const matches = await tx
        .select({ id: citizens.id })
        .from(citizens)
        .where(eq(citizens.phone, callerPhone))
        .limit(2);
      const call = await insertCallWithTicket(tx, {
        direction: 'inbound',
        callerPhone,
        citizenId: matches.length === 1 ? matches[0]!.id : null,
        unitId,
        startedAt: now,
        twilioCallSid: input.callSid,
        twilioStatus: 'ringing',
        outOfHours,
      });
      if (outOfHours) await ensureAutoCallback(tx, call, 'out_of_hours', { now });
      else {
        const pop = await buildScreenPop(tx, call);
        afterCommit(tx, () =>
          publish({
            rooms: [rooms.unitRole(unitId, 'operator')],
            event: 'calls.incoming',
            payload: pop,
          }),
        );
      }
      return { call, created: true, targets };
    });

  let result: Awaited<ReturnType<typeof record>>;
  try {
    result = await record();
  } catch (err) {
    // Twilio retried while the first request was still writing: the first one won.
    if (!isUniqueViolation(err)) throw err;
    result = await record();
  }
  const { call, targets } = result;
  let twiml: string;
  if (call.outOfHours)
    twiml = voicemailTwiml({ message: OUT_OF_HOURS_MESSAGE, recordingUrl: `${base}/recording` });
  else if (targets.length === 0)
    twiml = voicemailTwiml({ message: BUSY_MESSAGE, recordingUrl: `${base}/recording` });
  else twiml = connectTwiml({ greeting: GREETING, targets, dialResultUrl: `${base}/dial-result` });
  if (!call.outOfHours && targets.length === 0 && result.created) {
    await runTransaction(db, async (tx) => {
      await ensureAutoCallback(tx, call, 'missed', { now });
    });
  }
  return { call, created: result.created, twiml };
}

/** After `<Dial>`: answered → hang up; nobody answered → voicemail and a callback. */
export async function handleDialResult(
  db: Db,
  input: { callSid: string; dialCallStatus: string },
  opts: { publicBaseUrl: string },
) {
  if (input.dialCallStatus === 'completed' || input.dialCallStatus === 'answered')
    return hangupTwiml();
  await runTransaction(db, async (tx) => {
    const c = await callsRepo.getCallBySid(tx, input.callSid);
    if (c) await ensureAutoCallback(tx, c, 'missed');
  });
  return voicemailTwiml({
    message: BUSY_MESSAGE,
    recordingUrl: `${opts.publicBaseUrl}/api/twilio/voice/recording`,
  });
}

const MISSED = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * Status callback: ringing/in-progress mark the answer time; completed records the end and
 * duration; no-answer, busy, failed and canceled mark the call missed and owe a callback.
 * Repeated reports change nothing more.
 */
export async function handleCallStatus(
  db: Db,
  input: { callSid: string; callStatus: string; callDuration?: number | undefined },
) {
  await runTransaction(db, async (tx) => {
    const c = await callsRepo.getCallBySid(tx, input.callSid);
    if (!c) return;
    const now = new Date();
    const patch: Partial<CallRow> = { twilioStatus: input.callStatus };
    if (input.callStatus === 'in-progress' && !c.answeredAt) patch.answeredAt = now;
    if (input.callStatus === 'completed') {
      patch.endedAt = c.endedAt ?? now;
      if (input.callDuration !== undefined) patch.durationSeconds = input.callDuration;
      if (!c.answeredAt && input.callDuration !== undefined && input.callDuration > 0) {
        patch.answeredAt = new Date(now.getTime() - input.callDuration * 1000);
      }
    }
    if (MISSED.has(input.callStatus)) {
      patch.endedAt = c.endedAt ?? now;
      patch.durationSeconds = input.callDuration ?? 0;
    }
    const updated = await callsRepo.updateCallRow(tx, c.id, patch);
    if (MISSED.has(input.callStatus)) {
      if (!c.outcome) await callsRepo.updateCallRow(tx, c.id, { outcome: 'missed' });
      await ensureAutoCallback(tx, { ...updated!, outcome: c.outcome ?? 'missed' }, 'missed');
    }
  });
}

/** Recording callback: keeps the recording's URL on the call; a voicemail upgrades its callback. */
export async function handleRecording(
  db: Db,
  input: { callSid: string; recordingUrl: string; recordingStatus?: string | undefined },
) {
  if (input.recordingStatus && input.recordingStatus !== 'completed') return;
  await runTransaction(db, async (tx) => {
    const c = await callsRepo.getCallBySid(tx, input.callSid);
    if (!c) return;
    await callsRepo.updateCallRow(tx, c.id, { recordingUrl: input.recordingUrl });
    const open = await callsRepo.openCallbackForCall(tx, c.id);
    if (open || c.outOfHours)
      await ensureAutoCallback(tx, c, 'voicemail', { note: 'Có lời nhắn thoại' });
  });
}

/** A CallSid for the dev control, recognisable as simulated. */
export function simulatedCallSid(): string {
  return `SIM${randomBytes(16).toString('hex')}`;
}
