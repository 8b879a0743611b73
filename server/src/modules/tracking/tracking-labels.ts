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
    vi: 'Hồ sơ đã được nộp tại bộ phận một cửa',
    en: 'The dossier has been filed at the one-stop counter',
  },
  delivered: { vi: 'Kết quả đã được trao cho bạn', en: 'The result has been handed to you' },
  completed: { vi: 'Hoàn tất', en: 'Completed' },
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
  return text ? text[locale] : status;
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
