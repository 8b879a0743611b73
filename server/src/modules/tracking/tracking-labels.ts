import { formatVnDate } from '@tannha/shared';
import type { Locale, LocalizedText } from '../../lib/errors';

/**
 * What each status means to a citizen, in plain words (staff screens use shorter names).
 * Keyed by job type where the same status reads differently.
 */
const STATUS_TEXT: Record<string, LocalizedText> = {
  new: { vi: 'Đã tiếp nhận yêu cầu của bạn', en: 'Your request has been received' },
  assigned: { vi: 'Đã giao cho bưu tá phụ trách', en: 'A courier has been assigned' },
  accepted: { vi: 'Bưu tá đã nhận việc', en: 'The courier has accepted the job' },
  picked_up: {
    vi: 'Bưu tá đã nhận kết quả tại cơ quan',
    en: 'The courier has collected the result from the agency',
  },
  en_route: { vi: 'Bưu tá đang trên đường đến', en: 'The courier is on the way' },
  on_site: { vi: 'Bưu tá đã đến nơi', en: 'The courier has arrived' },
  collected: {
    vi: 'Bưu tá đã nhận hồ sơ và thu phí',
    en: 'The courier has taken the dossier and the fees',
  },
  submitted: {
    vi: 'Đã nộp hồ sơ tại cơ quan',
    en: 'The dossier has been filed with the agency',
  },
  delivered: { vi: 'Bưu tá đã trao kết quả cho bạn', en: 'The courier handed you the result' },
  // The POSTAL job is done; what that means for the dossier is the headline's (DOSSIER_DONE).
  completed: {
    vi: 'Bưu điện đã hoàn tất phần việc của mình',
    en: 'The post office has done its part',
  },
  on_hold: {
    vi: 'Tạm dừng, bưu cục sẽ liên hệ với bạn',
    en: 'On hold; the post office will contact you',
  },
  failed_attempt: {
    vi: 'Bưu tá đến nhưng chưa thực hiện được, sẽ hẹn lại',
    en: 'The visit did not succeed; a new time will be arranged',
  },
  returned: {
    vi: 'Kết quả đã được trả lại cơ quan giải quyết',
    en: 'The result has been returned to the agency',
  },
  cancelled: { vi: 'Yêu cầu đã được hủy', en: 'The request was cancelled' },
};

/**
 * The headline once the postal part is done, per job type, with the statuses that reach it.
 * A pickup completes when the dossier is filed, which is not the citizen's dossier being
 * done: it now waits for the agency's result.
 */
const DOSSIER_DONE: Record<string, { statuses: readonly string[]; text: LocalizedText }> = {
  home_assistance: { statuses: ['submitted', 'completed'], text: STATUS_TEXT.submitted! },
  result_delivery: {
    statuses: ['delivered', 'completed'],
    text: { vi: 'Đã trả kết quả tận nhà', en: 'The result has been delivered to your home' },
  },
  fee_collection: {
    statuses: ['completed'],
    text: {
      vi: 'Đã thu tiền và giao biên lai',
      en: 'The payment has been collected and a receipt given',
    },
  },
};

/** Any step without words of its own (a status added later): never its raw key. */
const SOME_STEP: LocalizedText = { vi: 'Hồ sơ đã được cập nhật', en: 'Your dossier was updated' };

/**
 * The job's deadline is only the postal leg's (fetch and file the dossier, or bring the
 * result), never the agency's: the tracking page and the SMS call it by this name.
 */
const POSTAL_DEADLINE: Record<string, LocalizedText> = {
  home_assistance: {
    vi: 'Hạn bưu điện nhận và nộp hồ sơ',
    en: 'Post office’s deadline to collect and file the dossier',
  },
  result_delivery: {
    vi: 'Hạn bưu điện trả kết quả tận nhà',
    en: 'Post office’s deadline to bring the result home',
  },
  fee_collection: {
    vi: 'Hạn bưu điện đến thu tiền',
    en: 'Post office’s deadline to collect the payment',
  },
};
const SOME_DEADLINE: LocalizedText = {
  vi: 'Hạn phần việc của bưu điện',
  en: 'Post office’s deadline',
};

const FEE_COLLECTED: LocalizedText = {
  vi: 'Bưu tá đã thu tiền và giao biên lai',
  en: 'The courier has collected the payment and given a receipt',
};

const FAILURE_TEXT: Record<string, LocalizedText> = {
  citizen_absent: { vi: 'Không gặp được người nhận', en: 'Nobody was at home' },
  wrong_address: { vi: 'Địa chỉ chưa chính xác', en: 'The address was not right' },
  refused: { vi: 'Người nhận từ chối', en: 'The recipient refused' },
  papers_missing: { vi: 'Còn thiếu giấy tờ', en: 'Some papers were missing' },
  id_mismatch: { vi: 'Giấy tờ tùy thân chưa khớp', en: 'The ID did not match' },
  other: { vi: 'Lý do khác', en: 'Another reason' },
};

const TYPE_TEXT: Record<string, LocalizedText> = {
  home_assistance: { vi: 'Tiếp nhận hồ sơ tại nhà', en: 'Dossier pickup at home' },
  result_delivery: { vi: 'Trả kết quả tại nhà', en: 'Result delivery at home' },
  fee_collection: { vi: 'Thu tiền tại nhà', en: 'Payment collection at home' },
};

/** The citizen-facing sentence for a status. */
export function citizenStatusText(status: string, type: string, locale: Locale): string {
  const text =
    status === 'collected' && type === 'fee_collection' ? FEE_COLLECTED : STATUS_TEXT[status];
  return (text ?? SOME_STEP)[locale];
}

/** The name of the job's due date wherever a citizen reads it (tracking page, SMS). */
export function postalDeadlineText(type: string, locale: Locale): string {
  return (POSTAL_DEADLINE[type] ?? SOME_DEADLINE)[locale];
}

/**
 * What the citizen reads at the top: the state of their DOSSIER. A dossier handed to the
 * agency on a signed record is filed, even before the courier enters the appointment slip.
 */
export function citizenHeadline(
  job: { status: string; type: string; filedAt: Date | null },
  locale: Locale,
): string {
  if (isFiled(job)) return STATUS_TEXT.submitted![locale];
  const done = DOSSIER_DONE[job.type];
  if (done?.statuses.includes(job.status)) return done.text[locale];
  return citizenStatusText(job.status, job.type, locale);
}

/** A pickup's dossier is with the agency: submitted, completed, or on a signed handover record. */
function isFiled(job: { status: string; type: string; filedAt: Date | null }): boolean {
  if (job.type !== 'home_assistance') return false;
  return (
    job.status === 'submitted' ||
    job.status === 'completed' ||
    (job.status === 'collected' && job.filedAt !== null)
  );
}

/**
 * What the citizen waits for once the dossier is filed: the result, on the date the counter
 * wrote on the appointment slip when the courier entered it. Null before filing and for
 * other jobs.
 */
export function citizenResultNote(
  job: { status: string; type: string; filedAt: Date | null; resultDate: string | null },
  locale: Locale,
): string | null {
  if (!isFiled(job)) return null;
  if (!job.resultDate)
    return locale === 'vi'
      ? 'Đang chờ cơ quan giải quyết hồ sơ'
      : 'The agency is processing the dossier';
  const date = formatVnDate(job.resultDate);
  return locale === 'vi'
    ? `Đang chờ kết quả — dự kiến có kết quả ngày ${date}`
    : `Waiting for the result — expected on ${date}`;
}

/** A failure reason from the fixed list, in plain words; free text written by staff is never shown. */
export function citizenFailureText(reason: string | null, locale: Locale): string | null {
  if (!reason) return null;
  const text = FAILURE_TEXT[reason];
  return text ? text[locale] : null;
}

export function jobTypeText(type: string, locale: Locale): string {
  return TYPE_TEXT[type]?.[locale] ?? type;
}

/** The given name of a Vietnamese full name: its last word ("Nguyễn Văn Hùng" → "Hùng"). */
export function givenName(fullName: string | null): string | null {
  if (!fullName) return null;
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] || null;
}
