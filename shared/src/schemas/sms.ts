import { z } from 'zod';
import { itemList, pageQueryShape } from './common';
import { PhoneFilter } from './fields';

export const SMS_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'undelivered',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** Keys of the built-in SMS texts (admins may override each in `sms_templates`). */
export const SMS_TEMPLATE_KEYS = [
  'job_created',
  'courier_en_route',
  'dossier_submitted',
  'result_delivered',
  'failed_attempt',
  'callback_scheduled',
] as const;
export type SmsTemplateKey = (typeof SMS_TEMPLATE_KEYS)[number];

export const ListSmsQuerySchema = z.object({
  status: z.enum(SMS_STATUSES).optional(),
  phone: PhoneFilter,
  ...pageQueryShape(),
});
export type ListSmsQuery = z.infer<typeof ListSmsQuerySchema>;

export const SmsMessageSchema = z.object({
  id: z.uuid(),
  /** Masked unless the reader needs the whole number. */
  to: z.string(),
  template: z.string(),
  body: z.string(),
  status: z.enum(SMS_STATUSES),
  attempts: z.number().int(),
  transport: z.string().nullable(),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  jobId: z.uuid().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type SmsMessage = z.infer<typeof SmsMessageSchema>;

export const SmsListSchema = itemList(SmsMessageSchema).extend({
  /** twilio when credentials are set, console otherwise. */
  transport: z.enum(['twilio', 'console']),
});
export type SmsList = z.infer<typeof SmsListSchema>;

export const SmsTemplateSchema = z.object({
  key: z.string(),
  body: z.string(),
  vars: z.array(z.string()),
  /** true when an admin changed it (a row in sms_templates). */
  custom: z.boolean(),
});
export type SmsTemplate = z.infer<typeof SmsTemplateSchema>;
