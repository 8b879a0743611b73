import { Router } from 'express';
import { z } from 'zod';
import { IdParamsSchema, SimulateCallSchema } from '@tannha/shared';
import { twilioSignatureCheck } from '../../integrations/twilio/signature';
import { AppError } from '../../lib/errors';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
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

  router.post(
    '/twilio/voice',
    signed,
    endpoint({ can: 'public', body: VoiceBody }, async ({ body, res }) => {
      const r = await handleIncomingCall(
        db,
        { callSid: body.CallSid, from: body.From, to: body.To },
        { publicBaseUrl },
      );
      res.type('text/xml').send(r.twiml);
    }),
  );
  router.post(
    '/twilio/voice/dial-result',
    signed,
    endpoint({ can: 'public', body: DialBody }, async ({ body, res }) => {
      res
        .type('text/xml')
        .send(
          await handleDialResult(
            db,
            { callSid: body.CallSid, dialCallStatus: body.DialCallStatus },
            { publicBaseUrl },
          ),
        );
    }),
  );
  router.post(
    '/twilio/voice/status',
    signed,
    endpoint({ can: 'public', body: StatusBody }, async ({ body }) => {
      await handleCallStatus(db, {
        callSid: body.CallSid,
        callStatus: body.CallStatus,
        callDuration: body.CallDuration,
      });
      return withStatus(204);
    }),
  );
  router.post(
    '/twilio/voice/recording',
    signed,
    endpoint({ can: 'public', body: RecordingBody }, async ({ body }) => {
      await handleRecording(db, {
        callSid: body.CallSid,
        recordingUrl: body.RecordingUrl,
        recordingStatus: body.RecordingStatus,
      });
      return withStatus(204);
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
    endpoint({ can: 'telephony.screenPop', params: IdParamsSchema }, async ({ auth, params }) =>
      getScreenPop(db, auth, params.id),
    ),
  );
  return router;
}
