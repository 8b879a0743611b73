import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCallbacks, calls, smsOutbox } from '../../server/src/db/schema';
import { buildTestApp, loginAs, type TestApp } from '../support/app';
import {
  callSid,
  closedAllDay,
  createCitizen,
  openAllDay,
  setSetting,
  TWILIO_ENV,
  twilioSigned,
} from '../support/calls-factories';
import { createOrgFixture, createUser, TEST_PASSWORD } from '../support/factories';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgFixture>>;
const BASE = TWILIO_ENV.PUBLIC_BASE_URL;
const TOKEN = TWILIO_ENV.TWILIO_AUTH_TOKEN;
const OPERATOR_PHONES = ['+84911000001', '+84911000002'];

beforeAll(async () => {
  t = await buildTestApp(TWILIO_ENV);
  org = await createOrgFixture(t.database.db);
  await openAllDay(t.database.db);
  // The province office (the tree's root) answers the hotline and rings two operators.
  await setSetting(t.database.db, 'voice_operators', { [org.province.id]: OPERATOR_PHONES });
});
afterAll(async () => t?.close());

/** Posts a form to a Twilio webhook path, signed for the public URL unless told otherwise. */
function post(
  path: string,
  params: Record<string, string>,
  sign: 'valid' | 'none' | 'wrong' = 'valid',
) {
  const req = request(t.app).post(path).type('form').send(params);
  if (sign === 'valid')
    return req.set('X-Twilio-Signature', twilioSigned(TOKEN, BASE + path, params).signature);
  if (sign === 'wrong')
    return req.set(
      'X-Twilio-Signature',
      twilioSigned('another-token-0123456789', BASE + path, params).signature,
    );
  return req;
}

function parseTwiml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
  }).parse(xml) as {
    Response: {
      Say: unknown;
      Dial?: { Number?: string | string[]; '@action'?: string };
      Record?: Record<string, string>;
      Hangup?: unknown;
    };
  };
}

async function callsWithSid(sid: string) {
  return t.database.db.select().from(calls).where(eq(calls.twilioCallSid, sid));
}

/** The callbacks the call owes (open or done). */
async function callbacksOf(callId: string) {
  return t.database.db.select().from(callCallbacks).where(eq(callCallbacks.callId, callId));
}

describe('POST /api/twilio/voice', () => {
  it('records one call per CallSid even when Twilio retries the webhook, and answers both times', async () => {
    const citizen = await createCitizen(t.database.db, { fullName: 'Trần Văn Bình' });
    const params = {
      CallSid: callSid(),
      From: citizen.phone,
      To: '+842513822123',
      CallStatus: 'ringing',
      AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID,
    };
    const first = await post('/api/twilio/voice', params);
    const retry = await post('/api/twilio/voice', params);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/xml/);
    expect(retry.text).toBe(first.text);
    const rows = await callsWithSid(params.CallSid);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.citizenId).toBe(citizen.id);
    expect(rows[0]!.unitId).toBe(org.province.id);
    expect(rows[0]!.ticketCode).toMatch(/^1022-\d{6}-\d{4}$/);
  });

  it('answers with valid TwiML that greets in Vietnamese and rings the configured operators', async () => {
    const res = await post('/api/twilio/voice', {
      CallSid: callSid(),
      From: '0912 345 678',
      To: '1022',
    });
    const twiml = parseTwiml(res.text);
    const say = twiml.Response.Say as { '#text': string; '@language': string };
    expect(say['@language']).toBe('vi-VN');
    expect(say['#text']).toContain('Tổng đài 1022 xin kính chào');
    const numbers = twiml.Response.Dial!.Number;
    expect(Array.isArray(numbers) ? numbers : [numbers]).toEqual(OPERATOR_PHONES);
    // When nobody answers, Twilio comes back to our public URL for the fallback.
    expect(twiml.Response.Dial!['@action']).toBe(`${BASE}/api/twilio/voice/dial-result`);
  });

  it('refuses a request without a signature with 403 and writes nothing', async () => {
    const sid = callSid();
    const res = await post('/api/twilio/voice', { CallSid: sid, From: '0912345678' }, 'none');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await callsWithSid(sid)).toHaveLength(0);
  });

  it('refuses a wrong signature, and a signature for another URL, with 403 and writes nothing', async () => {
    const sid = callSid();
    expect(
      (await post('/api/twilio/voice', { CallSid: sid, From: '0912345678' }, 'wrong')).status,
    ).toBe(403);
    // Signed for the internal URL instead of the public one: not what Twilio signs.
    const params = { CallSid: sid, From: '0912345678' };
    const internal = twilioSigned(
      TOKEN,
      'http://127.0.0.1:3000/api/twilio/voice',
      params,
    ).signature;
    const res = await request(t.app)
      .post('/api/twilio/voice')
      .type('form')
      .set('X-Twilio-Signature', internal)
      .send(params);
    expect(res.status).toBe(403);
    // Tampered body: signature of other parameters.
    const tampered = twilioSigned(TOKEN, BASE + '/api/twilio/voice', {
      CallSid: sid,
      From: '0999999999',
    }).signature;
    expect(
      (
        await request(t.app)
          .post('/api/twilio/voice')
          .type('form')
          .set('X-Twilio-Signature', tampered)
          .send(params)
      ).status,
    ).toBe(403);
    expect(await callsWithSid(sid)).toHaveLength(0);
  });

  it('out of office hours says so, records a voicemail and owes the caller a callback', async () => {
    await closedAllDay(t.database.db);
    try {
      const sid = callSid();
      const res = await post('/api/twilio/voice', { CallSid: sid, From: '0987654321' });
      const twiml = parseTwiml(res.text);
      expect(JSON.stringify(twiml.Response.Say)).toContain('ngoài giờ làm việc');
      expect(twiml.Response.Dial).toBeUndefined();
      expect(twiml.Response.Record!['@recordingStatusCallback']).toBe(
        `${BASE}/api/twilio/voice/recording`,
      );
      const [call] = await callsWithSid(sid);
      expect(call!.outOfHours).toBe(true);
      const cbs = await callbacksOf(call!.id);
      expect(cbs).toHaveLength(1);
      expect(cbs[0]!.reason).toBe('out_of_hours');
      expect(cbs[0]!.dueAt.getTime()).toBeGreaterThan(Date.now());

      // The voicemail arrives: the recording is kept on the call, still one callback.
      const rec = await post('/api/twilio/voice/recording', {
        CallSid: sid,
        RecordingUrl: 'https://api.twilio.com/rec/RE123',
        RecordingStatus: 'completed',
      });
      expect(rec.status).toBe(204);
      const [after] = await callsWithSid(sid);
      expect(after!.recordingUrl).toBe('https://api.twilio.com/rec/RE123');
      const cbs2 = await callbacksOf(call!.id);
      expect(cbs2.map((c) => c.reason)).toEqual(['voicemail']);
    } finally {
      await openAllDay(t.database.db);
    }
  });
});

describe('POST /api/twilio/voice/status', () => {
  it('completes the call with its duration', async () => {
    const sid = callSid();
    await post('/api/twilio/voice', { CallSid: sid, From: '0912000111' });
    expect(
      (await post('/api/twilio/voice/status', { CallSid: sid, CallStatus: 'in-progress' })).status,
    ).toBe(204);
    const res = await post('/api/twilio/voice/status', {
      CallSid: sid,
      CallStatus: 'completed',
      CallDuration: '187',
    });
    expect(res.status).toBe(204);
    const [call] = await callsWithSid(sid);
    expect(call!.twilioStatus).toBe('completed');
    expect(call!.durationSeconds).toBe(187);
    expect(call!.answeredAt).not.toBeNull();
    expect(call!.endedAt).not.toBeNull();
    // A completed call owes no callback.
    expect(await callbacksOf(call!.id)).toHaveLength(0);
  });

  it('a no-answer status marks the call missed and creates exactly one callback, even when reported twice', async () => {
    const sid = callSid();
    const from = '0913222333';
    await post('/api/twilio/voice', { CallSid: sid, From: from });
    await post('/api/twilio/voice/status', {
      CallSid: sid,
      CallStatus: 'no-answer',
      CallDuration: '0',
    });
    await post('/api/twilio/voice/status', {
      CallSid: sid,
      CallStatus: 'no-answer',
      CallDuration: '0',
    });
    const [call] = await callsWithSid(sid);
    expect(call!.outcome).toBe('missed');
    const cbs = await callbacksOf(call!.id);
    expect(cbs).toHaveLength(1);
    expect(cbs[0]!.reason).toBe('missed');
    expect(cbs[0]!.phone).toBe('+84913222333');
    // The citizen is told we will call back (one SMS, no ID numbers).
    const sms = await t.database.db.select().from(smsOutbox).where(eq(smsOutbox.callId, call!.id));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(call!.ticketCode);

    // The operator sees it in the unit's callback list.
    const provinceOperator = await createUser(t.database.db, 'operator', org.province.id);
    const agent = await loginAs(t.app, provinceOperator.username, TEST_PASSWORD);
    const list = await agent.get('/api/calls/callbacks').query({ scope: 'unit' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { callId: string }) => c.callId)).toContain(call!.id);
  });

  it('refuses an unsigned status callback and changes nothing', async () => {
    const sid = callSid();
    await post('/api/twilio/voice', { CallSid: sid, From: '0914000555' });
    const res = await post(
      '/api/twilio/voice/status',
      { CallSid: sid, CallStatus: 'completed', CallDuration: '99' },
      'none',
    );
    expect(res.status).toBe(403);
    const [call] = await callsWithSid(sid);
    expect(call!.durationSeconds).toBeNull();
  });
});

describe('every way a call can end', () => {
  it('ends each Twilio status in a closed call or a callback, never stuck "in progress"', async () => {
    const provinceOperator = await createUser(t.database.db, 'operator', org.province.id);
    const agent = await loginAs(t.app, provinceOperator.username, TEST_PASSWORD);
    const ended: Record<string, string> = {};
    for (const status of ['no-answer', 'busy', 'failed', 'canceled', 'completed']) {
      const sid = callSid();
      await post('/api/twilio/voice', { CallSid: sid, From: '0915000777' });
      await post('/api/twilio/voice/status', { CallSid: sid, CallStatus: status });
      ended[status] = (await callsWithSid(sid))[0]!.id;
    }
    // The caller hung up on "completed" before anyone took the call or saved a word:
    // nobody touches it for the desk's limit, then the next read of the list settles it.
    const idle = new Date(Date.now() - 11 * 60_000);
    await t.database.db
      .update(calls)
      .set({ updatedAt: idle })
      .where(eq(calls.id, ended.completed!));
    const list = await agent.get('/api/calls/callbacks').query({ scope: 'unit' });
    expect(list.status).toBe(200);
    const reasons = Object.fromEntries(
      (list.body.items as { callId: string; reason: string }[]).map((c) => [c.callId, c.reason]),
    );
    expect(Object.keys(ended).map((s) => [s, reasons[ended[s]!]])).toEqual([
      ['no-answer', 'missed'],
      ['busy', 'missed'],
      ['failed', 'missed'],
      ['canceled', 'missed'],
      ['completed', 'abandoned'],
    ]);
    for (const id of Object.values(ended)) {
      const [row] = await t.database.db.select().from(calls).where(eq(calls.id, id));
      expect(row!.outcome).not.toBeNull();
    }
  });
});

describe('dial result and the simulate control', () => {
  it('falls back to voicemail and a callback when no operator picks up', async () => {
    const sid = callSid();
    await post('/api/twilio/voice', { CallSid: sid, From: '0915000666' });
    const res = await post('/api/twilio/voice/dial-result', {
      CallSid: sid,
      DialCallStatus: 'no-answer',
    });
    const twiml = parseTwiml(res.text);
    expect(twiml.Response.Record).toBeDefined();
    const [call] = await callsWithSid(sid);
    expect(await callbacksOf(call!.id)).toHaveLength(1);
  });

  it('turns the simulate control off when Twilio is configured', async () => {
    const op = await createUser(t.database.db, 'operator', org.province.id);
    const agent = await loginAs(t.app, op.username, TEST_PASSWORD);
    const res = await agent.post('/api/telephony/simulate').send({ from: '0912345678' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('simulation_disabled');
  });
});

describe('what a Twilio webhook accepts', () => {
  it('refuses a JSON body signed over the URL alone (its content is not signed) and writes nothing', async () => {
    const sid = callSid();
    const path = '/api/twilio/voice';
    const res = await request(t.app)
      .post(path)
      .set('X-Twilio-Signature', twilioSigned(TOKEN, BASE + path, {}).signature)
      .send({ CallSid: sid, From: '0912345678' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('twilio_body_not_form');
    expect(await callsWithSid(sid)).toHaveLength(0);
  });

  it('refuses JSON even with a bodySHA256 in the signed URL: these webhooks take forms only', async () => {
    const sid = callSid();
    const body = JSON.stringify({ CallSid: sid, From: '0912345678' });
    const hash = createHash('sha256').update(body).digest('hex');
    const path = `/api/twilio/voice?bodySHA256=${hash}`;
    const res = await request(t.app)
      .post(path)
      .set('Content-Type', 'application/json')
      .set('X-Twilio-Signature', twilioSigned(TOKEN, BASE + path, {}).signature)
      .send(body);
    expect(res.status).toBe(415);
    expect(await callsWithSid(sid)).toHaveLength(0);
    // An SMS status callback the same way: refused, and a signed form still goes through.
    const sms = '/api/twilio/sms/status';
    const json = await request(t.app)
      .post(sms)
      .set('X-Twilio-Signature', twilioSigned(TOKEN, BASE + sms, {}).signature)
      .send({ MessageSid: 'SM1', MessageStatus: 'delivered' });
    expect(json.status).toBe(415);
    const form = await post(sms, { MessageSid: 'SM1', MessageStatus: 'delivered' });
    expect(form.status).toBe(204);
  });

  it('keeps a recording only when its URL is on Twilio’s own https hosts', async () => {
    await closedAllDay(t.database.db);
    try {
      for (const url of [
        'https://evil.example/rec/RE1',
        'http://api.twilio.com/rec/RE1',
        'https://api.twilio.com.evil.example/rec/RE1',
        'https://user:pw@api.twilio.com/rec/RE1',
        'javascript:alert(1)',
      ]) {
        const sid = callSid();
        expect((await post('/api/twilio/voice', { CallSid: sid, From: '0987654321' })).status).toBe(
          200,
        );
        const rec = await post('/api/twilio/voice/recording', {
          CallSid: sid,
          RecordingUrl: url,
          RecordingStatus: 'completed',
        });
        expect([204, 400]).toContain(rec.status);
        const [call] = await callsWithSid(sid);
        expect(call!.recordingUrl, url).toBeNull();
      }
      const sid = callSid();
      await post('/api/twilio/voice', { CallSid: sid, From: '0987654321' });
      const ok = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE2';
      await post('/api/twilio/voice/recording', {
        CallSid: sid,
        RecordingUrl: ok,
        RecordingStatus: 'completed',
      });
      const [call] = await callsWithSid(sid);
      expect(call!.recordingUrl).toBe(ok);
    } finally {
      await openAllDay(t.database.db);
    }
  });
});
