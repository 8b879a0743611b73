import { isDateString } from './time';

/**
 * The dossier code (mã hồ sơ) a one-stop system issues when it receives a dossier
 * (DOMAIN.md "Dossier code"): `<agency code>-YYMMDD-NNNN`, e.g. `H48.19.10-260315-0042`.
 * The agency issues it; a job stores it once the dossier is received.
 */

/** The accepted shape (after trimming and upper-casing). */
export const DOSSIER_CODE_RE = /^[0-9A-Z.]+-\d{6}-\d{4}$/;

export type ParseDossierCodeResult =
  | {
      ok: true;
      /** The normalised code (trimmed, upper-case). */
      code: string;
      /** The issuing agency's code, e.g. `H48.19.10`. */
      agencyCode: string;
      /** The date in the code, `YYYY-MM-DD` (YY is read as 20YY). */
      issuedOn: string;
      /** The day's sequence number, e.g. 42 for `0042`. */
      sequence: number;
    }
  | {
      ok: false;
      /** `empty`, `invalid_format` (not `<agency>-YYMMDD-NNNN`) or `invalid_date` (YYMMDD is no real date). */
      reason: 'empty' | 'invalid_format' | 'invalid_date';
    };

/**
 * Reads a dossier code typed or scanned by a person. Surrounding spaces are trimmed and
 * letters upper-cased (`h48.19.10-260315-0042` is accepted); the YYMMDD part must be a
 * real date.
 */
export function parseDossierCode(s: string): ParseDossierCodeResult {
  const code = typeof s === 'string' ? s.trim().toUpperCase() : '';
  if (code === '') return { ok: false, reason: 'empty' };
  if (!DOSSIER_CODE_RE.test(code)) return { ok: false, reason: 'invalid_format' };
  const parts = code.split('-');
  const seq = parts.pop() as string;
  const ymd = parts.pop() as string;
  const issuedOn = `20${ymd.slice(0, 2)}-${ymd.slice(2, 4)}-${ymd.slice(4, 6)}`;
  if (!isDateString(issuedOn)) return { ok: false, reason: 'invalid_date' };
  return { ok: true, code, agencyCode: parts.join('-'), issuedOn, sequence: Number(seq) };
}
