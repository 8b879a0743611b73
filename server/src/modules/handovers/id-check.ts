import { CCCD_PROBLEMS, parseCccd } from '@tannha/shared';
import type { Tx } from '../../db/client';
import { unprocessable } from '../../lib/errors';
import { findCitizenIdOnFile, setCitizenIdIfNone } from './handovers.repository';
import { hashIdNumber, normalizeIdNumber } from './id-hash';

/**
 * What the ID check at the door found: the CCCD matches the one on file, differs from it
 * (only with a reason the courier typed), or nothing was on file (the number is then kept on
 * the citizen's card). `not_compared`: a proxy's or a non-CCCD paper, nothing to compare with.
 */
export type IdCheckResult = 'match' | 'mismatch_overridden' | 'none_on_file' | 'not_compared';

/** The outcome recorded in the job event: result, last 4 digits and the reason of an override. */
export type IdCheck = { result: IdCheckResult; last4: string; overrideReason: string | null };

/** 422 `invalid_cccd` on `field` for a number that cannot be a CCCD (structure, province, year). */
export function assertCccdStructure(idNumber: string, field = 'idNumber'): void {
  const parsed = parseCccd(idNumber);
  if (parsed.ok) return;
  const why = CCCD_PROBLEMS[parsed.reason];
  throw unprocessable(
    'invalid_cccd',
    { vi: `Số CCCD không hợp lệ: ${why.vi}`, en: `The CCCD number is not valid: ${why.en}` },
    { [field]: why },
  );
}

/**
 * Checks a CCCD shown at the door against the citizen's card, inside the action's
 * transaction: a different number is refused (422 `id_mismatch`, naming the last 4 digits on
 * file) unless `overrideReason` says why the courier goes on; with nothing on file the number
 * is kept (hash and last 4 digits only), so the next check has something to compare with.
 */
export async function checkCitizenCccd(
  tx: Tx,
  citizenId: string,
  idNumber: string,
  overrideReason: string | undefined,
): Promise<IdCheck> {
  assertCccdStructure(idNumber);
  const hash = hashIdNumber(idNumber);
  const last4 = normalizeIdNumber(idNumber).slice(-4);
  const onFile = await findCitizenIdOnFile(tx, citizenId);
  if (!onFile?.cccdHash) {
    await setCitizenIdIfNone(tx, citizenId, { cccdHash: hash, cccdLast4: last4 });
    return { result: 'none_on_file', last4, overrideReason: null };
  }
  if (onFile.cccdHash === hash) return { result: 'match', last4, overrideReason: null };
  if (overrideReason) return { result: 'mismatch_overridden', last4, overrideReason };
  const fileLast4 = onFile.cccdLast4 ? `…${onFile.cccdLast4}` : '';
  throw unprocessable(
    'id_mismatch',
    {
      vi: `Số CCCD không khớp với CCCD trong hồ sơ (${fileLast4}). Kiểm tra lại số đã nhập; nếu vẫn tiếp tục, ghi lý do.`,
      en: `The CCCD number does not match the one on file (${fileLast4}). Check the number typed; to go on anyway, state the reason.`,
    },
    {
      idNumber: {
        vi: `Không khớp với CCCD trong hồ sơ (${fileLast4})`,
        en: `Does not match the CCCD on file (${fileLast4})`,
      },
    },
  );
}
