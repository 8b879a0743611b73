import { cccdLast4, parseCccd } from '@tannha/shared';

/** Why a typed number cannot be a CCCD (the keys of the `idCheck.problem` texts). */
export type CccdProblem = Extract<ReturnType<typeof parseCccd>, { ok: false }>['reason'];

/**
 * What the door check says about a typed CCCD, before anything is sent (the server checks
 * the same with the full number): nothing typed yet, not a possible CCCD, the same last 4
 * digits as the one on file, different ones, or nothing on file (the number will be kept).
 */
export type CccdCheck =
  | { kind: 'empty' }
  | { kind: 'invalid'; problem: CccdProblem }
  | { kind: 'match' }
  | { kind: 'mismatch'; onFile: string }
  | { kind: 'none' };

/**
 * Compares a typed CCCD with the last 4 digits on file (`null`: none on file). Offline the
 * phone only knows those 4 digits; the server compares the whole number when the step syncs.
 */
export function checkCccd(typed: string, onFileLast4: string | null): CccdCheck {
  if (typed.trim() === '') return { kind: 'empty' };
  const parsed = parseCccd(typed);
  if (!parsed.ok) return { kind: 'invalid', problem: parsed.reason };
  if (onFileLast4 === null) return { kind: 'none' };
  return cccdLast4(typed) === onFileLast4
    ? { kind: 'match' }
    : { kind: 'mismatch', onFile: onFileLast4 };
}
