import { Router } from 'express';
import { z } from 'zod';
import { SimulateCallSchema } from '@tannha/shared';
import { twilioSignatureCheck } from '../../integrations/twilio/signature';
import { AppError } from '../../lib/errors';
import { byId, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import {
  getScreenPop,
  handleCallStatus,
  handleDialResult,
  handleIncomingCall,
  handleRecording,
  simulatedCallSid,
} from './telephony.service';

const VoiceBody = z.object({
  CallSid: z.string().min(1).max(64),
  From: z.string().max(64).default(''),
  To: z.string().max(64).optional(),
});
const DialBody = z.object({
  CallSid: z.string().min(1).max(64),
  DialCallStatus: z.string().max(32).default(''),
});
const StatusBody = z.object({
  CallSid: z.string().min(1).max(64),
  CallStatus: z.string().min(1).max(32),
  CallDuration: z.coerce.number().int().min(0).optional(),
});
const RecordingBody = z.object({
  CallSid: z.string().min(1).max(64),
  RecordingUrl: z.url().max(500),
  RecordingStatus: z.string().max(32).optional(),
});

/**
 * Twilio voice webhooks (public routes that check Twilio's signature themselves;
 * `PUBLIC_BASE_URL` + path is what is signed) and the desk's controls: the dev "simulate
 * incoming call", which runs the very same handler, and the screen pop
 * (who may: policies/telephony.policy.ts).
 */
export function telephonyRoutes({
  db,
  twilioAuthToken,
  publicBaseUrl,
}: ModuleDeps & { twilioAuthToken: string | undefined; publicBaseUrl: string }): Router {
  const router = Router();
  const signed = twilioSignatureCheck({ authToken: twilioAuthToken, publicBaseUrl });

  /** A signed Twilio webhook: answers with the handler's TwiML, or 204 when it has none. */
  const webhook = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (body: z.infer<S>) => Promise<string | void>,
  ) =>
    router.post(
      path,
      signed,
      endpoint({ can: 'public', body: schema }, async ({ body, res }) => {
        const twiml = await run(body as z.infer<S>);
        if (twiml === undefined) return withStatus(204);
        res.type('text/xml').send(twiml);
      }),
    );

  webhook('/twilio/voice', VoiceBody, async (b) => {
    const r = await handleIncomingCall(
      db,
      { callSid: b.CallSid, from: b.From, to: b.To },
      { publicBaseUrl },
    );
    return r.twiml;
  });
  webhook('/twilio/voice/dial-result', DialBody, (b) =>
    handleDialResult(
      db,
      { callSid: b.CallSid, dialCallStatus: b.DialCallStatus },
      { publicBaseUrl },
    ),
  );
  webhook('/twilio/voice/status', StatusBody, (b) =>
    handleCallStatus(db, {
      callSid: b.CallSid,
      callStatus: b.CallStatus,
      callDuration: b.CallDuration,
    }),
  );
  webhook('/twilio/voice/recording', RecordingBody, (b) =>
    handleRecording(db, {
      callSid: b.CallSid,
      recordingUrl: b.RecordingUrl,
      recordingStatus: b.RecordingStatus,
    }),
  );

  router.post(
    '/telephony/simulate',
    endpoint({ can: 'telephony.simulate', body: SimulateCallSchema }, async ({ body }) => {
      if (twilioAuthToken) {
        throw new AppError(409, 'simulation_disabled', {
          vi: 'Đã kết nối Twilio nên không dùng được cuộc gọi giả lập. Hãy gọi thật vào số tổng đài.',
          en: 'Twilio is connected, so simulated calls are off. Call the hotline number instead.',
        });
      }
      const r = await handleIncomingCall(
        db,
        {
          callSid: simulatedCallSid(),
          from: body.from,
          to: body.to,
          forceOutOfHours: body.outOfHours ?? false,
          simulated: true,
        },
        { publicBaseUrl },
      );
      return withStatus(201, { callId: r.call.id, ticketCode: r.call.ticketCode, twiml: r.twiml });
    }),
  );
  router.get(
    '/telephony/screen-pop/:id',
    byId('telephony.screenPop', (auth, id) => getScreenPop(db, auth, id)),
  );
  return router;
}
