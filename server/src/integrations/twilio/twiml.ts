import twilio from 'twilio';

const VOICE = { language: 'vi-VN' as const };

/** A connect target: an E.164 number or `client:<identity>` / `sip:…`. */
function addTarget(
  dial: ReturnType<InstanceType<typeof twilio.twiml.VoiceResponse>['dial']>,
  target: string,
) {
  if (target.startsWith('client:')) dial.client(target.slice('client:'.length));
  else if (target.startsWith('sip:')) dial.sip(target);
  else dial.number(target);
}

/**
 * In office hours: a Vietnamese greeting, then ring the unit's operators together; when
 * nobody picks up, Twilio asks `dialResultUrl`, which falls back to voicemail.
 */
export function connectTwiml(opts: {
  greeting: string;
  targets: string[];
  dialResultUrl: string;
  timeoutSeconds?: number;
  record?: boolean;
}): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, opts.greeting);
  const dial = r.dial({
    timeout: opts.timeoutSeconds ?? 20,
    action: opts.dialResultUrl,
    method: 'POST',
    ...(opts.record ? { record: 'record-from-answer-dual' as const } : {}),
  });
  for (const t of opts.targets) addTarget(dial, t);
  return r.toString();
}

/** Out of hours, or nobody free: say so, record a message, hang up. */
export function voicemailTwiml(opts: {
  message: string;
  recordingUrl: string;
  maxLengthSeconds?: number;
}): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(VOICE, opts.message);
  r.record({
    maxLength: opts.maxLengthSeconds ?? 120,
    playBeep: true,
    recordingStatusCallback: opts.recordingUrl,
    recordingStatusCallbackMethod: 'POST',
  });
  r.say(VOICE, 'Cảm ơn quý khách. Chúng tôi sẽ gọi lại sớm.');
  r.hangup();
  return r.toString();
}

/** Ends the call politely (after a dial that was answered). */
export function hangupTwiml(): string {
  const r = new twilio.twiml.VoiceResponse();
  r.hangup();
  return r.toString();
}
