import { CLOCK_SKEW_MS, formatVnDateTime } from '@tannha/shared';
import { AppError, type LocalizedText } from './errors';

/**
 * How far a phone's clock may run ahead of the server's before an action's time counts as
 * "in the future", and how far before its job an action may seem to happen.
 */
export const ACTION_CLOCK_SKEW_MS = CLOCK_SKEW_MS;

/** What an action's time is held against besides the server's clock. */
export type ActionTimeBounds = {
  /** When the job was created: nothing is done on a job before it exists. */
  jobCreatedAt?: Date | undefined;
  /**
   * How long a phone may keep an action offline before sending it (the setting
   * `offline_window_hours`): a time older than this is a wrong clock, not a late sync.
   */
  offlineWindowHours: number;
};

function refuse(code: string, message: LocalizedText, field: LocalizedText): never {
  throw new AppError(422, code, message, { fields: { occurredAt: field } });
}

/**
 * The time an action happened, as the phone sent it (`occurredAt`), or now. The first half
 * of the one rule for phone-given times, checked before anything is locked: a time beyond
 * the clock skew is refused with 422 `occurred_at_in_future`, naming the field.
 */
export function actionTimeFrom(value: string | undefined, now = new Date()): Date {
  if (!value) return now;
  const d = new Date(value);
  if (d.getTime() > now.getTime() + ACTION_CLOCK_SKEW_MS) {
    refuse(
      'occurred_at_in_future',
      {
        vi: 'Thời điểm thực hiện nằm trong tương lai. Kiểm tra giờ trên điện thoại.',
        en: 'The time of the action is in the future. Check the phone’s clock.',
      },
      { vi: 'Thời điểm ở tương lai', en: 'Time is in the future' },
    );
  }
  return d;
}

/**
 * The second half of the rule, once the job is known: an action cannot happen longer ago than
 * the offline window — 422 `occurred_at_too_old`, checked first since it tells of a wrong
 * clock — nor before its job was created (less the clock skew) — 422
 * `occurred_at_before_job`. Offline work sent hours later passes; a phone whose clock says
 * 1900 does not, so its money cannot land in a shift long closed.
 */
export function assertActionTimeWithin(at: Date, now: Date, bounds: ActionTimeBounds): void {
  const hours = bounds.offlineWindowHours;
  if (at.getTime() < now.getTime() - hours * 3_600_000) {
    refuse(
      'occurred_at_too_old',
      {
        vi: `Thời điểm thực hiện cách đây hơn ${hours} giờ, quá thời hạn gửi khi mất mạng. Kiểm tra giờ trên điện thoại; nếu việc thật sự làm từ lâu, báo điều phối viên ghi nhận.`,
        en: `The time of the action is more than ${hours} hours ago, beyond the offline window. Check the phone’s clock; if it really happened that long ago, ask the dispatcher to record it.`,
      },
      { vi: `Cách đây hơn ${hours} giờ`, en: `More than ${hours} hours ago` },
    );
  }
  const created = bounds.jobCreatedAt;
  if (created && at.getTime() < created.getTime() - ACTION_CLOCK_SKEW_MS) {
    refuse(
      'occurred_at_before_job',
      {
        vi: `Thời điểm thực hiện (${formatVnDateTime(at)}) trước khi việc được tạo (${formatVnDateTime(created)}). Kiểm tra giờ trên điện thoại rồi gửi lại.`,
        en: `The time of the action (${at.toISOString()}) is before the job was created (${created.toISOString()}). Check the phone’s clock and send it again.`,
      },
      { vi: 'Trước khi việc được tạo', en: 'Before the job was created' },
    );
  }
}
