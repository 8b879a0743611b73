import type {
  ResultPickupCheck,
  ResultPickupCheckInput,
  ResultPickupCheckItem,
  ResultPickupReason,
} from '@tannha/shared';
import type { Db } from '../../db/client';
import type { LocalizedText } from '../../lib/errors';
import type { AuthContext } from '../../lib/http';
import { can } from '../../policies';
import { maskPersonName } from '../couriers/mask';
import { findPickupCandidates, type PickupCandidateRow } from './result-pickups.repository';

/** What a courier is told about a code that cannot be picked up. */
export const PICKUP_REASON_TEXT: Record<ResultPickupReason, LocalizedText> = {
  unknown_code: {
    vi: 'Mã không có trong hệ thống; để lại tại quầy.',
    en: 'Unknown code; leave it at the counter.',
  },
  other_office: {
    vi: 'Kết quả của bưu cục khác; không nhận.',
    en: 'A result for another post office; do not take it.',
  },
  already_picked_up: {
    vi: 'Kết quả này đã được nhận trước đó.',
    en: 'This result was already picked up.',
  },
  not_a_result: {
    vi: 'Mã này không phải việc trả kết quả.',
    en: 'This code is not a result delivery.',
  },
  assigned_to_other_courier: {
    vi: 'Đã giao cho bưu tá khác; hãy báo điều phối viên chuyển việc.',
    en: 'Assigned to another courier; ask the dispatcher to reassign it.',
  },
  on_hold: {
    vi: 'Việc đang tạm dừng; hãy báo điều phối viên.',
    en: 'The job is on hold; ask the dispatcher.',
  },
  finished: {
    vi: 'Việc đã kết thúc (hoàn tất, trả lại hoặc hủy).',
    en: 'The job is finished (completed, returned or cancelled).',
  },
  duplicate: {
    vi: 'Mã này đã có trong danh sách.',
    en: 'This code is already in the list.',
  },
};

/** Statuses in which the result is already in a courier's hands, or was delivered. */
const TAKEN = ['picked_up', 'en_route', 'on_site', 'delivered', 'failed_attempt'];
const FINISHED = ['completed', 'returned', 'cancelled'];

/** One code's verdict; `row` is the job to pick up when `ok`. */
export type PickupVerdict =
  | { code: string; ok: true; row: PickupCandidateRow }
  | { code: string; ok: false; reason: ResultPickupReason; row?: PickupCandidateRow };

/** The job a code stands for: a live one before a cancelled one, a result before anything else. */
function pickRow(code: string, rows: readonly PickupCandidateRow[]) {
  const matching = rows.filter((r) => r.dossierCode === code || r.code === code);
  const rank = (r: PickupCandidateRow) =>
    (r.status === 'cancelled' ? 2 : 0) + (r.type === 'result_delivery' ? 0 : 1);
  return matching.sort((a, b) => rank(a) - rank(b))[0];
}

/** Why the courier may not take this job now, or null when they may. */
function refusal(auth: AuthContext, row: PickupCandidateRow): ResultPickupReason | null {
  // Another office's job: nothing more about it is told.
  if (!can(auth, 'handovers.result_pickup', row)) return 'other_office';
  if (row.type !== 'result_delivery') return 'not_a_result';
  if (FINISHED.includes(row.status)) return 'finished';
  const status = row.status === 'on_hold' ? (row.heldFrom ?? 'on_hold') : row.status;
  if (row.pickupId || TAKEN.includes(status)) return 'already_picked_up';
  if (row.courierId && row.courierId !== auth.user.id) return 'assigned_to_other_courier';
  if (row.status === 'on_hold') return 'on_hold';
  return null;
}

/**
 * Each code's verdict, in the order scanned: unknown, of another office, not a result,
 * finished, already picked up (by status or by an earlier record), another courier's, on
 * hold — or ok (a free job of the office, or one assigned to this courier and not yet taken).
 * A code seen earlier in the list, or standing for a job already listed, is a duplicate.
 */
export function judgeCodes(
  auth: AuthContext,
  codes: readonly string[],
  rows: readonly PickupCandidateRow[],
): PickupVerdict[] {
  const seenCodes = new Set<string>();
  const seenJobs = new Set<string>();
  return codes.map((code): PickupVerdict => {
    const row = pickRow(code, rows);
    if (seenCodes.has(code) || (row && seenJobs.has(row.id)))
      return { code, ok: false, reason: 'duplicate' };
    seenCodes.add(code);
    if (!row) return { code, ok: false, reason: 'unknown_code' };
    seenJobs.add(row.id);
    const reason = refusal(auth, row);
    return reason ? { code, ok: false, reason, row } : { code, ok: true, row };
  });
}

/** The answer for one code; a job is shown only when the courier may take it. */
export function presentVerdict(v: PickupVerdict): ResultPickupCheckItem {
  if (!v.ok)
    return { code: v.code, ok: false, reason: v.reason, message: PICKUP_REASON_TEXT[v.reason] };
  const r = v.row;
  return {
    code: v.code,
    ok: true,
    job: {
      id: r.id,
      code: r.code,
      dossierCode: r.dossierCode,
      // Not the courier's job yet: the phone shows the name as on public papers.
      citizenName: maskPersonName(r.citizenName),
      addressText: r.addressText,
    },
  };
}

/**
 * `POST /api/couriers/me/result-pickups/check`: what each scanned code would be at the
 * counter, nothing written. Codes arrive normalised (trimmed, upper-cased) by the schema.
 */
export async function checkResultPickup(
  db: Db,
  auth: AuthContext,
  input: ResultPickupCheckInput,
): Promise<ResultPickupCheck> {
  const rows = await findPickupCandidates(db, [...new Set(input.codes)]);
  return { items: judgeCodes(auth, input.codes, rows).map(presentVerdict) };
}
