import { Router } from 'express';
import { z } from 'zod';
import { AdminSmsPreviewSchema, ListSmsQuerySchema } from '@tannha/shared';
import { twilioSignatureCheck } from '../../integrations/twilio/signature';
import { byQuery, endpoint, type ModuleDeps } from '../../lib/http';
import { listSms, recordSmsStatus } from './sms.service';
import { listSmsTemplates, previewSms, saveSmsTemplate } from './sms-templates.service';

const SmsStatusQuery = z.object({ o: z.uuid().optional() });
const SmsStatusBody = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});
const TemplateBody = z.object({ body: z.string().trim().min(5).max(600).nullable() });

/**
 * /api/sms (the outbox staff read; the only place console SMS land), the templates (and the
 * admin's preview), and
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
    byQuery('sms.list', ListSmsQuerySchema, async (auth, query) => ({
      ...(await listSms(db, auth, query)),
      transport: transportName,
    })),
  );
  router.get(
    '/sms/templates',
    endpoint({ can: 'sms.templates_read' }, async () => ({ items: await listSmsTemplates(db) })),
  );
  router.put(
    '/sms/templates/:key',
    endpoint(
      {
        can: 'sms.templates_update',
        params: z.object({ key: z.string().max(60) }),
        body: TemplateBody,
      },
      async ({ auth, params, body }) => saveSmsTemplate(db, auth, params.key, body.body),
    ),
  );
  // Template texts are read and saved at /api/sms/templates; this renders one with sample values.
  router.post(
    '/admin/sms/preview',
    endpoint({ can: 'sms.preview', body: AdminSmsPreviewSchema }, async ({ body }) =>
      previewSms(db, body),
    ),
  );
  router.post(
    '/twilio/sms/status',
    twilioSignatureCheck({ authToken: twilioAuthToken, publicBaseUrl }),
    endpoint(
      { can: 'public', query: SmsStatusQuery, body: SmsStatusBody },
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
