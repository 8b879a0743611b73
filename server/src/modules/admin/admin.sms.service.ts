import { SMS_TEMPLATE_KEYS } from '@tannha/shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import { listSmsTemplates } from '../sms/sms.service';
import { fillTemplate } from '../sms/sms.templates';

/** Sample values an admin sees in a preview: made-up, nothing personal. */
const SAMPLE_VARS: Record<string, string> = {
  jobType: 'trả kết quả tại nhà',
  code: 'TN-261122-0042',
  dueDate: '25/11/2026',
  trackingUrl: 'https://tannha1022.vn/tra-cuu/TN-261122-0042',
  courierName: 'Minh',
  agency: 'Sở Tư pháp',
  dossierCode: 'H12.22-261122-0001',
  reason: 'không có người nhận',
  ticketCode: 'CG-261122-0107',
  dueTime: '10:30 23/11/2026',
};

/** GSM-7 fits 160 characters a message; Vietnamese with diacritics goes as UCS-2 (70, 67 when split). */
function segments(text: string): { encoding: 'gsm7' | 'ucs2'; segments: number } {
  // eslint-disable-next-line no-control-regex
  const gsm = /^[\x0A\x0D\x20-\x7E£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà]*$/.test(text);
  const [one, many] = gsm ? [160, 153] : [70, 67];
  return {
    encoding: gsm ? 'gsm7' : 'ucs2',
    segments: text.length <= one ? 1 : Math.ceil(text.length / many),
  };
}

/** The text a citizen would get from a template (saved, or the draft being edited), with sample values. */
export async function previewSms(
  db: Db,
  p: {
    key?: string | undefined;
    body?: string | undefined;
    vars?: Record<string, string | number> | undefined;
  },
) {
  let body = p.body;
  if (body === undefined) {
    if (!p.key || !(SMS_TEMPLATE_KEYS as readonly string[]).includes(p.key)) {
      throw new AppError(404, 'not_found', {
        vi: `Mẫu tin nhắn "${p.key ?? ''}" không tồn tại.`,
        en: `SMS template "${p.key ?? ''}" was not found.`,
      });
    }
    body = (await listSmsTemplates(db)).find((t) => t.key === p.key)!.body;
  }
  const used = [...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const vars = { ...SAMPLE_VARS, ...(p.vars ?? {}) };
  const unknown = [...new Set(used.filter((v) => vars[v] === undefined))];
  const text = fillTemplate(body, vars);
  return { text, length: text.length, ...segments(text), unknownVars: unknown };
}
