import { Router } from 'express';
import { z } from 'zod';
import { ListSmsQuerySchema } from '@tannha/shared';
import { twilioSignatureCheck } from '../../integrations/twilio/signature';
import { endpoint, OFFICE_ROLES, type ModuleDeps } from '../../lib/http';
import { listSms, listSmsTemplates, recordSmsStatus, saveSmsTemplate } from './sms.service';

const SmsStatusQuery = z.object({ o: z.uuid().optional() });
const SmsStatusBody = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});
const TemplateBody = z.object({ body: z.string().trim().min(5).max(600).nullable() });

/**
 * /api/sms (the outbox staff read; the only place console SMS land), the templates, and
 * the signed delivery-status callback `/api/twilio/sms/status`.
 */
export function smsRoutes({
  db,
  twilioAuthToken,
  publicBaseUrl,
  transportName,
}: ModuleDeps & {
  twilioAuthToken: string | undefined;
  publicBaseUrl: string;
  transportName: 'twilio' | 'console';
}): Router {
  const router = Router();
  router.get(
    '/sms',
    endpoint({ roles: OFFICE_ROLES, query: ListSmsQuerySchema }, async ({ auth, query }) => ({
      ...(await listSms(db, auth, query)),
      transport: transportName,
    })),
  );
  router.get(
    '/sms/templates',
    endpoint({ roles: OFFICE_ROLES }, async () => ({ items: await listSmsTemplates(db) })),
  );
  router.put(
    '/sms/templates/:key',
    endpoint(
      { roles: ['admin'], params: z.object({ key: z.string().max(60) }), body: TemplateBody },
      async ({ auth, params, body }) => saveSmsTemplate(db, auth, params.key, body.body),
    ),
  );
  router.post(
    '/twilio/sms/status',
    twilioSignatureCheck({ authToken: twilioAuthToken, publicBaseUrl }),
    endpoint(
      { roles: 'public', query: SmsStatusQuery, body: SmsStatusBody },
      async ({ query, body, res }) => {
        await recordSmsStatus(db, {
          outboxId: query.o,
          messageSid: body.MessageSid,
          status: body.MessageStatus,
          errorCode: body.ErrorCode,
        });
        res.status(204).end();
      },
    ),
  );
  return router;
}
