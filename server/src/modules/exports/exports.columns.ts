import { formatVnDate, formatVnDateTime, maskPhone, toVnDate } from '@tannha/shared';

/** A column of an export: Vietnamese header, how to read the value, and how Excel should show it. */
export type Column<R> = {
  header: string;
  value: (r: R) => string | number | Date | null;
  /** Excel column width in characters. */
  width?: number;
  /** Excel number format for numbers and dates. */
  numFmt?: string;
};

const CATEGORY: Record<string, string> = {
  procedure_question: 'Hỏi thủ tục',
  status_lookup: 'Tra cứu tình trạng',
  pickup_request: 'Yêu cầu nhận hồ sơ tại nhà',
  delivery_request: 'Yêu cầu trả kết quả tại nhà',
  feedback: 'Phản ánh, kiến nghị',
  other: 'Khác',
};
const OUTCOME: Record<string, string> = {
  answered: 'Đã trả lời',
  job_created: 'Đã tạo công việc',
  callback_scheduled: 'Hẹn gọi lại',
  forwarded: 'Đã chuyển đơn vị',
  missed: 'Cuộc gọi nhỡ',
};
const DIRECTION: Record<string, string> = {
  inbound: 'Gọi đến',
  outbound: 'Gọi đi',
  callback: 'Gọi lại',
};
export const JOB_TYPE_VI: Record<string, string> = {
  home_assistance: 'Tiếp nhận hồ sơ tại nhà',
  result_delivery: 'Trả kết quả tại nhà',
  fee_collection: 'Thu tiền tại nhà',
};
export const JOB_STATUS_VI: Record<string, string> = {
  new: 'Mới',
  assigned: 'Đã phân công',
  accepted: 'Đã nhận việc',
  picked_up: 'Đã lấy kết quả',
  en_route: 'Đang đi',
  on_site: 'Đã đến nơi',
  collected: 'Đã nhận hồ sơ',
  submitted: 'Đã nộp hồ sơ',
  delivered: 'Đã trao kết quả',
  completed: 'Hoàn thành',
  on_hold: 'Tạm dừng',
  failed_attempt: 'Không thành công',
  returned: 'Đã trả về cơ quan',
  cancelled: 'Đã hủy',
};
const FLOW: Record<string, string> = {
  procedure_fee: 'Phí, lệ phí thu hộ',
  postal_charge: 'Cước bưu chính',
};
const METHOD: Record<string, string> = { cash: 'Tiền mặt', transfer: 'Chuyển khoản' };
const PAY_STATUS: Record<string, string> = { confirmed: 'Đã xác nhận', pending: 'Chờ xác nhận' };

const label = (map: Record<string, string>, v: string | null) => (v ? (map[v] ?? v) : '');

/** Excel has no time zones: a Vietnamese wall-clock time is written as that clock reading. */
export const excelLocal = (d: Date) => new Date(d.getTime() + 7 * 3600_000);
const DATE_TIME = 'dd/mm/yyyy hh:mm';
const VND = '#,##0';

export type CallRow = {
  id: string;
  ticket_code: string;
  started_at: Date;
  direction: string;
  caller_phone: string;
  category: string | null;
  outcome: string | null;
  duration_seconds: number | null;
  operator_name: string | null;
  unit_name: string;
};
export type JobRow = {
  id: string;
  code: string;
  type: string;
  status: string;
  procedure_name: string | null;
  unit_name: string;
  courier_name: string | null;
  created_at: Date;
  due_date: string | null;
  completed_at: Date | null;
  fee_due_vnd: string;
  postal_charge_vnd: string;
  dossier_code: string | null;
};
export type PaymentRow = {
  id: string;
  receipt_no: string;
  occurred_at: Date;
  job_code: string;
  flow: string;
  method: string;
  amount_vnd: string;
  status: string;
  collector_name: string;
  unit_name: string;
  shift_date: string;
  handed_in: boolean;
  reason: string | null;
};

/** When a timestamp is written into a CSV cell (Excel reads `dd/MM/yyyy HH:mm` as written). */
export const csvDateTime = (d: Date) => {
  const [time, date] = formatVnDateTime(d).split(' ');
  return `${date} ${time}`;
};

export const CALL_COLUMNS: Column<CallRow>[] = [
  { header: 'Mã phiếu', value: (r) => r.ticket_code, width: 20 },
  { header: 'Thời điểm gọi', value: (r) => r.started_at, width: 18, numFmt: DATE_TIME },
  { header: 'Chiều gọi', value: (r) => label(DIRECTION, r.direction), width: 10 },
  // Statistics do not need the whole number: masked, as on screens that do not call back.
  { header: 'Số điện thoại', value: (r) => maskPhone(r.caller_phone), width: 16 },
  { header: 'Nội dung', value: (r) => label(CATEGORY, r.category), width: 28 },
  { header: 'Kết quả', value: (r) => label(OUTCOME, r.outcome), width: 18 },
  { header: 'Thời lượng (giây)', value: (r) => r.duration_seconds, width: 10 },
  { header: 'Điện thoại viên', value: (r) => r.operator_name, width: 22 },
  { header: 'Đơn vị', value: (r) => r.unit_name, width: 24 },
];

export const JOB_COLUMNS: Column<JobRow>[] = [
  { header: 'Mã công việc', value: (r) => r.code, width: 16 },
  { header: 'Loại', value: (r) => label(JOB_TYPE_VI, r.type), width: 24 },
  { header: 'Trạng thái', value: (r) => label(JOB_STATUS_VI, r.status), width: 16 },
  { header: 'Thủ tục', value: (r) => r.procedure_name, width: 40 },
  { header: 'Đơn vị', value: (r) => r.unit_name, width: 24 },
  { header: 'Bưu tá', value: (r) => r.courier_name, width: 22 },
  { header: 'Ngày tạo', value: (r) => r.created_at, width: 18, numFmt: DATE_TIME },
  { header: 'Hạn xử lý', value: (r) => (r.due_date ? formatVnDate(r.due_date) : null), width: 12 },
  { header: 'Hoàn thành lúc', value: (r) => r.completed_at, width: 18, numFmt: DATE_TIME },
  {
    header: 'Đúng hạn',
    value: (r) => {
      if (!r.due_date || r.status !== 'completed' || !r.completed_at) return '';
      return toVnDate(r.completed_at) <= r.due_date ? 'Có' : 'Không';
    },
    width: 10,
  },
  { header: 'Lệ phí (đồng)', value: (r) => Number(r.fee_due_vnd), width: 14, numFmt: VND },
  { header: 'Cước (đồng)', value: (r) => Number(r.postal_charge_vnd), width: 14, numFmt: VND },
  { header: 'Mã hồ sơ', value: (r) => r.dossier_code, width: 24 },
];

export const PAYMENT_COLUMNS: Column<PaymentRow>[] = [
  { header: 'Số biên lai', value: (r) => r.receipt_no, width: 26 },
  { header: 'Thời điểm thu', value: (r) => r.occurred_at, width: 18, numFmt: DATE_TIME },
  { header: 'Mã công việc', value: (r) => r.job_code, width: 16 },
  { header: 'Khoản thu', value: (r) => label(FLOW, r.flow), width: 20 },
  { header: 'Hình thức', value: (r) => label(METHOD, r.method), width: 14 },
  { header: 'Số tiền (đồng)', value: (r) => Number(r.amount_vnd), width: 14, numFmt: VND },
  { header: 'Trạng thái', value: (r) => label(PAY_STATUS, r.status), width: 14 },
  { header: 'Người thu', value: (r) => r.collector_name, width: 22 },
  { header: 'Đơn vị', value: (r) => r.unit_name, width: 24 },
  { header: 'Ngày ca', value: (r) => formatVnDate(r.shift_date), width: 12 },
  {
    header: 'Đã nộp quỹ',
    value: (r) => (r.method === 'cash' ? (r.handed_in ? 'Có' : 'Chưa') : ''),
    width: 12,
  },
  { header: 'Ghi chú', value: (r) => r.reason, width: 30 },
];
