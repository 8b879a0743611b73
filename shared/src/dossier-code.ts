import { z } from 'zod';

import { parseDossierCode } from './dossier-code-parse';

// Parsing lives apart from zod so a screen that only reads codes does not load it.
export * from './dossier-code-parse';

/** A dossier code in a request: trimmed and upper-cased on output, refused with a Vietnamese message when invalid. */
export const DossierCodeSchema = z
  .string({ error: 'Mã hồ sơ không hợp lệ' })
  .transform((value, ctx) => {
    const r = parseDossierCode(value);
    if (!r.ok) {
      ctx.addIssue({
        code: 'custom',
        message:
          r.reason === 'invalid_date'
            ? 'Mã hồ sơ có ngày không hợp lệ (YYMMDD)'
            : 'Mã hồ sơ không hợp lệ (dạng <mã cơ quan>-YYMMDD-NNNN, ví dụ H48.19.10-260315-0042)',
        input: value,
      });
      return z.NEVER;
    }
    return r.code;
  });
