import { z } from 'zod';
import type { Locale, LocalizedText } from './errors';

const localeMaps: Record<Locale, z.core.$ZodErrorMap> = {
  vi: z.locales.vi().localeError,
  en: z.locales.en().localeError,
};

/**
 * Messages for issues raised by our own refinements (`params: { i18n: key }`), in both
 * languages. Built-in zod issues use zod's own Vietnamese and English locales.
 */
const CUSTOM_MESSAGES: Record<string, LocalizedText> = {
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  invalid_phone: {
    vi: 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).',
    en: 'Invalid phone number (e.g. 0912 345 678).',
  },
  duplicate_paper: {
    vi: 'Giấy tờ này đã có ở dòng trên; mỗi giấy tờ chỉ ghi một lần.',
    en: 'This paper is already listed above; list each paper once.',
  },
  invalid_dossier_code: {
    vi: 'Mã hồ sơ không đúng định dạng (ví dụ: H48.19.10-260315-0042).',
    en: 'Dossier code format is wrong (e.g. H48.19.10-260315-0042).',
  },
};

function mapFor(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => {
    const key = (issue as { params?: { i18n?: string } }).params?.i18n;
    if (key && CUSTOM_MESSAGES[key]) return CUSTOM_MESSAGES[key][locale];
    if (issue.code === 'invalid_type' && issue.input === undefined)
      return CUSTOM_MESSAGES.required![locale];
    return localeMaps[locale](issue);
  };
}

/**
 * Validates a value; on failure returns one message per field in both languages.
 * A message written in the schema itself wins (shared schemas use `params.i18n` keys
 * instead, so both languages exist).
 */
export function parseWithMessages<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): { ok: true; data: z.infer<S> } | { ok: false; fields: Record<string, LocalizedText> } {
  const first = schema.safeParse(value);
  if (first.success) return { ok: true, data: first.data };
  const vi = schema.safeParse(value, { error: mapFor('vi') });
  const en = schema.safeParse(value, { error: mapFor('en') });
  const fields: Record<string, LocalizedText> = {};
  const keyOf = (path: PropertyKey[]) =>
    [prefix, ...path.map(String)].filter(Boolean).join('.') || prefix || '_';
  const viIssues = vi.success ? [] : vi.error.issues;
  const enIssues = en.success ? [] : en.error.issues;
  viIssues.forEach((issue, i) => {
    const key = keyOf(issue.path);
    if (fields[key]) return;
    fields[key] = { vi: issue.message, en: enIssues[i]?.message ?? issue.message };
  });
  return { ok: false, fields };
}
