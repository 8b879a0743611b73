import type { JobStatus } from '@tannha/shared';
import type { LocalizedText } from '../../lib/errors';

/** Status names for server messages (the web app has its own copy in its locale files). */
const LABELS: Record<JobStatus, LocalizedText> = {
  new: { vi: 'Mới', en: 'New' },
  assigned: { vi: 'Đã phân công', en: 'Assigned' },
  accepted: { vi: 'Đã nhận việc', en: 'Accepted' },
  picked_up: { vi: 'Đã lấy kết quả', en: 'Picked up' },
  en_route: { vi: 'Đang đi', en: 'En route' },
  on_site: { vi: 'Đã đến nơi', en: 'On site' },
  collected: { vi: 'Đã nhận hồ sơ', en: 'Collected' },
  submitted: { vi: 'Đã nộp hồ sơ', en: 'Submitted' },
  delivered: { vi: 'Đã trao kết quả', en: 'Delivered' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  on_hold: { vi: 'Tạm dừng', en: 'On hold' },
  failed_attempt: { vi: 'Không thành công', en: 'Failed attempt' },
  returned: { vi: 'Đã trả về cơ quan', en: 'Returned to agency' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export function statusLabel(s: string): LocalizedText {
  return LABELS[s as JobStatus] ?? { vi: s, en: s };
}
