import { formatVnd, formatVnDate, maskCccd } from '@tannha/shared';

import { maskPhone } from '@/lib/format';

import type { AuditItem } from '../api/admin.api';

/** One changed field as the trail shows it: "Vai trò: Điện thoại viên → Điều phối viên". */
export type AuditChange = { field: string; before: string | undefined; after: string | undefined };

/** How to say values and names: the screen's translations and the units it knows. */
export type AuditWords = {
  /** Label of a field key, e.g. `role` → "Vai trò". */
  field: (key: string) => string;
  /** A value a field takes, when it has words (`role: courier` → "Bưu tá"); else undefined. */
  valueWord: (key: string, value: string) => string | undefined;
  yes: string;
  no: string;
  /** What stands for an internal id nobody can read. */
  internalId: string;
  /** The name of a unit or a person the screen knows by this id. */
  recordName: (id: string) => string | undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Personal data as other screens show it: phones and ID numbers masked. */
function masked(key: string, value: string): string | undefined {
  if (/phone/i.test(key)) return maskPhone(value);
  if (/cccd|idNumber/i.test(key)) return maskCccd(value);
  return undefined;
}

/** A stored value in words: money in ₫, dates dd/MM/yyyy, units by name, never a UUID. */
export function auditValue(key: string, value: unknown, w: AuditWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number')
    return /vnd|fee|amount|charge/i.test(key) ? formatVnd(value) : String(value);
  if (Array.isArray(value)) return value.map((v) => auditValue(key, v, w)).join('; ') || '—';
  if (isRecord(value)) return JSON.stringify(maskDeep(value));
  const s = String(value);
  if (UUID.test(s)) return w.recordName(s) ?? w.internalId;
  if (ISO_DATE.test(s)) return formatVnDate(s);
  return masked(key, s) ?? w.valueWord(key, s) ?? s;
}

/** A copy with phones and ID numbers masked, for the technical details too. */
export function maskDeep(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, k)]));
  if (typeof value === 'string') return masked(key, value) ?? value;
  return value;
}

/**
 * The fields an entry changed, in words: for a change those whose value differs, for a
 * creation what was set, for a removal what was there. Plain values (a setting) read as one
 * "Giá trị" line.
 */
export function auditChanges(e: Pick<AuditItem, 'before' | 'after'>, w: AuditWords): AuditChange[] {
  const { before, after } = e;
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return [
      {
        field: w.field('value'),
        before: before === null ? undefined : auditValue('value', before, w),
        after: after === null ? undefined : auditValue('value', after, w),
      },
    ];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => k !== 'id' && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return keys.map((k) => ({
    field: w.field(k),
    before: k in b ? auditValue(k, b[k], w) : undefined,
    after: k in a ? auditValue(k, a[k], w) : undefined,
  }));
}

/**
 * The record an entry is about, by what people call it: a person's name and username, a
 * procedure's or unit's code and name, a day's date and name; the key of a setting or
 * template (translated by the caller). Never its UUID: undefined when nothing readable is kept.
 */
export function auditSubject(e: AuditItem, w: AuditWords): string | undefined {
  const r = isRecord(e.after) ? e.after : isRecord(e.before) ? e.before : {};
  const str = (k: string) => (typeof r[k] === 'string' && r[k] ? (r[k] as string) : undefined);
  if (str('username'))
    return str('fullName') ? `${str('fullName')} (${str('username')})` : str('username');
  if (str('date')) return [formatVnDate(str('date')!), str('name')].filter(Boolean).join(' – ');
  if (str('code') && str('name')) return `${str('code')} – ${str('name')}`;
  if (str('name')) return str('name');
  if (str('fullName')) return str('fullName');
  if (e.entityId && UUID.test(e.entityId)) return w.recordName(e.entityId);
  return e.entityId ?? undefined;
}
