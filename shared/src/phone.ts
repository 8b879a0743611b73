import { z } from 'zod';

import { normalizePhone, type NormalizePhoneOptions } from './phone-format';

// Reading and formatting live apart from zod so a screen that only shows a number does not load it.
export * from './phone-format';

const PHONE_INVALID_MESSAGE = 'Số điện thoại không hợp lệ';

export type PhoneSchemaOptions = NormalizePhoneOptions & {
  /** Also accept short service codes (1022, 113…). Off by default: a person's phone is never one. */
  allowShort?: boolean;
};

/**
 * Builds a zod schema that reads a typed phone number and outputs its E.164 form. Use it
 * when the mobile prefix override list comes from configuration; otherwise use
 * {@link PhoneSchema}.
 */
export function createPhoneSchema(opts: PhoneSchemaOptions = {}) {
  return z.string({ error: PHONE_INVALID_MESSAGE }).transform((value, ctx) => {
    const r = normalizePhone(value, opts);
    if (!r.ok || (r.kind === 'short' && !opts.allowShort)) {
      ctx.addIssue({ code: 'custom', message: PHONE_INVALID_MESSAGE, input: value });
      return z.NEVER;
    }
    return r.e164;
  });
}

/**
 * A person's phone number (mobile or landline) → E.164. The issue message is
 * "Số điện thoại không hợp lệ".
 */
export const PhoneSchema = createPhoneSchema();
