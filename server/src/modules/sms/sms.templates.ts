import type { SmsTemplateKey } from '@tannha/shared';

/**
 * Built-in SMS texts, Vietnamese, `{name}` placeholders. An admin may override any of them
 * (a row in `sms_templates` with the same key). Rules for every text: no CCCD or other ID
 * number, no full address, nothing a stranger reading the phone should not see; the
 * tracking link carries only the job code (the page asks for the last 4 phone digits).
 */
export const DEFAULT_SMS_TEMPLATES: Readonly<
  Record<SmsTemplateKey, { body: string; vars: readonly string[] }>
> = Object.freeze({
  job_created: {
    // {dueText}: the postal leg's deadline by the name the tracking page gives it.
    body: 'Tận Nhà 1022: Đã tiếp nhận yêu cầu {jobType} của quý khách, mã {code}, {dueText} {dueDate}. Theo dõi: {trackingUrl}',
    vars: ['jobType', 'code', 'dueText', 'dueDate', 'trackingUrl'],
  },
  courier_en_route: {
    body: 'Tận Nhà 1022: Bưu tá {courierName} đang đến địa chỉ của quý khách (mã {code}), dự kiến khoảng {eta}. Theo dõi: {trackingUrl}',
    vars: ['courierName', 'code', 'eta', 'trackingUrl'],
  },
  dossier_submitted: {
    // {resultNote}: the result date from the appointment slip, as the tracking page says it.
    body: 'Tận Nhà 1022: Hồ sơ mã {code} đã được nộp tại {agency}, mã hồ sơ {dossierCode}. {resultNote}. Theo dõi: {trackingUrl}',
    vars: ['code', 'agency', 'dossierCode', 'resultNote', 'trackingUrl'],
  },
  result_delivered: {
    body: 'Tận Nhà 1022: Kết quả mã {code} đã được trả tận nhà. Cảm ơn quý khách! Đánh giá dịch vụ: {trackingUrl}',
    vars: ['code', 'trackingUrl'],
  },
  failed_attempt: {
    body: 'Tận Nhà 1022: Bưu tá chưa thực hiện được yêu cầu mã {code} ({reason}). Lần hẹn tiếp: {newTime}. Cần hỗ trợ xin gọi 1022.',
    vars: ['code', 'reason', 'newTime'],
  },
  callback_scheduled: {
    body: 'Tận Nhà 1022: Chúng tôi đã nhận cuộc gọi của quý khách (phiếu {ticketCode}) và sẽ gọi lại trước {dueTime}.',
    vars: ['ticketCode', 'dueTime'],
  },
});

/** Vietnamese names of job types, as they read in an SMS. */
export const JOB_TYPE_SMS_NAMES: Record<string, string> = {
  home_assistance: 'tiếp nhận hồ sơ tại nhà',
  result_delivery: 'trả kết quả tại nhà',
  fee_collection: 'thu phí tại nhà',
};

/** A 12-digit run looks like a CCCD: it never leaves in an SMS, whatever the template says. */
const CCCD_LIKE = /(?<!\d)\d{12}(?!\d)/g;

/** Fills `{name}` placeholders; unknown ones become empty, ID-like numbers are hidden. */
export function fillTemplate(body: string, vars: Record<string, string | number>): string {
  const filled = body.replace(/\{(\w+)\}/g, (_m, name: string) =>
    vars[name] === undefined ? '' : String(vars[name]),
  );
  return filled
    .replace(CCCD_LIKE, '[đã ẩn]')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
