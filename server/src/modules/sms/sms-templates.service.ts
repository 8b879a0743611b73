import { SMS_TEMPLATE_KEYS, type AdminSmsPreview, type SmsTemplate } from '@tannha/shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { assertCan } from '../../policies';
import { recordAudit } from '../audit/audit.service';
import * as repo from './sms.repository';
import { DEFAULT_SMS_TEMPLATES, fillTemplate } from './sms.templates';

/** Sample values an admin sees in a preview: made-up, nothing personal. */
const SAMPLE_VARS: Record<string, string> = {
  jobType: 'trả kết quả tại nhà',
  code: 'TN-261122-0042',
  dueText: 'hạn bưu điện trả kết quả tận nhà',
  dueDate: '25/11/2026',
  resultNote: 'Đang chờ kết quả — dự kiến có kết quả ngày 04/12/2026',
  trackingUrl: 'https://tannha1022.vn/tra-cuu/TN-261122-0042',
  courierName: 'Minh',
  agency: 'Sở Tư pháp',
  dossierCode: 'H12.22-261122-0001',
  reason: 'không có người nhận',
  ticketCode: 'CG-261122-0107',
  dueTime: '10:30 23/11/2026',
};

const isBuiltIn = (key: string | undefined): key is keyof typeof DEFAULT_SMS_TEMPLATES =>
  key !== undefined && (SMS_TEMPLATE_KEYS as readonly string[]).includes(key);

const templateNotFound = (key: string) =>
  new AppError(404, 'not_found', {
    vi: `Mẫu tin nhắn "${key}" không tồn tại.`,
    en: `SMS template "${key}" was not found.`,
  });

/** The text of template `key`: the admin's version when there is one, else the built-in one. */
export async function templateBody(db: DbOrTx, key: string): Promise<string> {
  const own = await repo.findTemplateBody(db, key);
  if (own !== undefined) return own;
  const builtIn = (DEFAULT_SMS_TEMPLATES as Record<string, { body: string }>)[key];
  if (!builtIn) throw new Error(`unknown SMS template '${key}'`);
  return builtIn.body;
}

/** The text of template `key` (the admin's version when there is one) with `vars` filled in. */
export async function renderSmsTemplate(
  db: DbOrTx,
  key: string,
  vars: Record<string, string | number>,
): Promise<string> {
  return fillTemplate(await templateBody(db, key), vars);
}

/** Built-in texts with the admin's overrides applied (plus any an admin added). */
export async function listSmsTemplates(db: DbOrTx): Promise<SmsTemplate[]> {
  const rows = await repo.findTemplates(db);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: SmsTemplate[] = SMS_TEMPLATE_KEYS.map((key) => {
    const own = byKey.get(key);
    return {
      key,
      body: own?.body ?? DEFAULT_SMS_TEMPLATES[key].body,
      vars: [...DEFAULT_SMS_TEMPLATES[key].vars],
      custom: Boolean(own),
    };
  });
  for (const r of rows)
    if (!isBuiltIn(r.key)) out.push({ key: r.key, body: r.body, vars: r.vars, custom: true });
  return out;
}

/** Admin: replaces the text of one template (audited); `body: null` restores the default. */
export async function saveSmsTemplate(db: Db, auth: AuthContext, key: string, body: string | null) {
  assertCan(auth, 'sms.templates_update');
  if (!isBuiltIn(key)) throw templateNotFound(key);
  if (body !== null && /(?<!\d)\d{12}(?!\d)/.test(body)) {
    throw new AppError(422, 'sms_template_personal_data', {
      vi: 'Mẫu tin nhắn không được chứa số CCCD hay số 12 chữ số.',
      en: 'An SMS template must not contain an ID number or any 12-digit number.',
    });
  }
  await db.transaction(async (tx) => {
    const before = await templateBody(tx, key);
    if (body === null) await repo.deleteTemplate(tx, key);
    else
      await repo.upsertTemplate(tx, {
        key,
        body,
        vars: [...DEFAULT_SMS_TEMPLATES[key].vars],
        updatedBy: auth.user.id,
      });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'sms_template.update',
      entityType: 'sms_template',
      entityId: key,
      before: { body: before },
      after: { body },
    });
  });
  return (await listSmsTemplates(db)).find((t) => t.key === key)!;
}

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
export async function previewSms(db: Db, p: AdminSmsPreview) {
  let body = p.body;
  if (body === undefined) {
    if (!isBuiltIn(p.key)) throw templateNotFound(p.key ?? '');
    body = (await listSmsTemplates(db)).find((t) => t.key === p.key)!.body;
  }
  const used = [...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const vars = { ...SAMPLE_VARS, ...(p.vars ?? {}) };
  const unknown = [...new Set(used.filter((v) => vars[v] === undefined))];
  const text = fillTemplate(body, vars);
  return { text, length: text.length, ...segments(text), unknownVars: unknown };
}
