import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@tannha/shared';
import type { Db, Tx } from '../../db/client';
import { hostOf, isTwilioMediaUrl } from '../../integrations/twilio/recording-url';
import { connectTwiml, hangupTwiml, voicemailTwiml } from '../../integrations/twilio/twiml';
import { logger } from '../../lib/logger';
import { afterCommit, runTransaction } from '../../lib/unit-of-work';
import { publish } from '../../realtime/bus';
import { rooms } from '../../realtime/rooms';
import {
  ensureAutoCallback,
  findCallBySid,
  hasOpenCallback,
  insertCallWithTicket,
  isOpenAt,
  loadOfficeHours,
  patchCall,
  type CallRow,
} from '../calls/calls.service';
import { findOnlyCitizenByPhone } from '../citizens/citizens.service';
import { findUnitSubtreeIds } from '../units/units.service';
import { operatorTargets, unitForLine } from './call-routing';
import { buildScreenPop } from './screen-pop';

export { buildScreenPop, getScreenPop } from './screen-pop';
export { operatorTargets } from './call-routing';

export const GREETING =
  'Tổng đài 1022 xin kính chào quý khách. Cuộc gọi đang được chuyển tới điện thoại viên, xin vui lòng giữ máy.';
export const OUT_OF_HOURS_MESSAGE =
  'Tổng đài 1022 xin kính chào quý khách. Hiện đã ngoài giờ làm việc, từ 7 giờ 30 đến 17 giờ các ngày làm việc. Xin để lại lời nhắn sau tiếng bíp, chúng tôi sẽ gọi lại vào đầu giờ làm việc tiếp theo.';
export const BUSY_MESSAGE =
  'Các điện thoại viên đang bận. Xin để lại lời nhắn sau tiếng bíp, chúng tôi sẽ gọi lại cho quý khách sớm nhất.';

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

type Recorded = { call: CallRow; created: boolean; targets: string[] };

/** What to ring; a simulated call with nobody configured rings the console's operators. */
async function ringTargets(tx: Tx, unitId: string, input: IncomingCall): Promise<string[]> {
  const targets = await operatorTargets(tx, unitId);
  return targets.length === 0 && input.simulated ? ['client:operators'] : targets;
}

/**
 * Writes the call once per CallSid; in hours it pops the caller's history on the unit's
 * operators' screens after commit, out of hours it owes a callback.
 */
async function recordIncomingCall(
  tx: Tx,
  input: IncomingCall,
  callerPhone: string,
  now: Date,
): Promise<Recorded> {
  const existing = await findCallBySid(tx, input.callSid);
  if (existing)
    return {
      call: existing,
      created: false,
      targets: await ringTargets(tx, existing.unitId, input),
    };
  const unitId = await unitForLine(tx, input.to);
  const { cal, hours } = await loadOfficeHours(tx);
  const outOfHours = input.forceOutOfHours ?? !isOpenAt(cal, hours, now);
  const targets = outOfHours ? [] : await ringTargets(tx, unitId, input);
  const seenBy = await findUnitSubtreeIds(tx, unitId);
  const call = await insertCallWithTicket(tx, {
    direction: 'inbound',
    callerPhone,
    citizenId: await findOnlyCitizenByPhone(tx, callerPhone, seenBy),
    unitId,
    startedAt: now,
    twilioCallSid: input.callSid,
    twilioStatus: 'ringing',
    outOfHours,
  });
  if (outOfHours) await ensureAutoCallback(tx, call, 'out_of_hours', { now });
  else {
    const pop = await buildScreenPop(tx, call, seenBy);
    afterCommit(tx, () =>
      publish({
        rooms: [rooms.unitRole(unitId, 'operator')],
        event: 'calls.incoming',
        payload: pop,
        scope: { ability: 'calls.list', record: { unitId } },
      }),
    );
  }
  return { call, created: true, targets };
}

/** Connect in office hours; voicemail out of hours or when nobody can be rung. */
function answerTwiml(call: CallRow, targets: string[], base: string): string {
  if (call.outOfHours)
    return voicemailTwiml({ message: OUT_OF_HOURS_MESSAGE, recordingUrl: `${base}/recording` });
  if (targets.length === 0)
    return voicemailTwiml({ message: BUSY_MESSAGE, recordingUrl: `${base}/recording` });
  return connectTwiml({ greeting: GREETING, targets, dialResultUrl: `${base}/dial-result` });
}

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
  const record = () => runTransaction(db, (tx) => recordIncomingCall(tx, input, callerPhone, now));

  let result: Recorded;
  try {
    result = await record();
  } catch (err) {
    // Twilio retried while the first request was still writing: the first one won.
    if (!isUniqueViolation(err)) throw err;
    result = await record();
  }
  const { call, targets } = result;
  const twiml = answerTwiml(call, targets, `${opts.publicBaseUrl}/api/twilio/voice`);
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
    const c = await findCallBySid(tx, input.callSid);
    if (c) await ensureAutoCallback(tx, c, 'missed');
  });
  return voicemailTwiml({
    message: BUSY_MESSAGE,
    recordingUrl: `${opts.publicBaseUrl}/api/twilio/voice/recording`,
  });
}

/** Twilio call statuses that mean nobody talked to the caller. */
const MISSED_STATUSES: readonly string[] = ['no-answer', 'busy', 'failed', 'canceled'];

/** The fields a status report changes on the call. */
function statusPatch(
  c: CallRow,
  input: { callStatus: string; callDuration?: number | undefined },
  now: Date,
): Partial<CallRow> {
  const patch: Partial<CallRow> = { twilioStatus: input.callStatus };
  if (input.callStatus === 'in-progress' && !c.answeredAt) patch.answeredAt = now;
  if (input.callStatus === 'completed') {
    patch.endedAt = c.endedAt ?? now;
    if (input.callDuration !== undefined) patch.durationSeconds = input.callDuration;
    if (!c.answeredAt && input.callDuration !== undefined && input.callDuration > 0) {
      patch.answeredAt = new Date(now.getTime() - input.callDuration * 1000);
    }
  }
  if (MISSED_STATUSES.includes(input.callStatus)) {
    patch.endedAt = c.endedAt ?? now;
    patch.durationSeconds = input.callDuration ?? 0;
  }
  return patch;
}

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
    const c = await findCallBySid(tx, input.callSid);
    if (!c) return;
    const updated = await patchCall(tx, c.id, statusPatch(c, input, new Date()));
    if (MISSED_STATUSES.includes(input.callStatus)) {
      if (!c.outcome) await patchCall(tx, c.id, { outcome: 'missed' });
      await ensureAutoCallback(tx, { ...updated!, outcome: c.outcome ?? 'missed' }, 'missed');
    }
  });
}

/**
 * Recording callback: keeps the recording's URL on the call (only a link to Twilio's own
 * hosts); a voicemail upgrades its callback.
 */
export async function handleRecording(
  db: Db,
  input: { callSid: string; recordingUrl: string; recordingStatus?: string | undefined },
) {
  if (input.recordingStatus && input.recordingStatus !== 'completed') return;
  const trusted = isTwilioMediaUrl(input.recordingUrl);
  if (!trusted)
    logger.warn(
      { callSid: input.callSid, host: hostOf(input.recordingUrl) },
      'recording url not on twilio.com: not stored',
    );
  await runTransaction(db, async (tx) => {
    const c = await findCallBySid(tx, input.callSid);
    if (!c) return;
    if (trusted) await patchCall(tx, c.id, { recordingUrl: input.recordingUrl });
    if ((await hasOpenCallback(tx, c.id)) || c.outOfHours)
      await ensureAutoCallback(tx, c, 'voicemail', { note: 'Có lời nhắn thoại' });
  });
}

/** A CallSid for the dev control, recognisable as simulated. */
export function simulatedCallSid(): string {
  return `SIM${randomBytes(16).toString('hex')}`;
}
