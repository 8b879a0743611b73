import { AppError } from './errors';

/**
 * How far a phone's clock may run ahead of the server's before an action's time counts as
 * "in the future". Couriers' phones drift and sync late; five minutes covers what we see.
 */
export const ACTION_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The time an action happened, as the phone sent it (`occurredAt`), or now. One guard for
 * every action a phone reports (transitions, payments, documents, handovers): a time beyond
 * the clock skew is refused with 422 `occurred_at_in_future`, naming the field.
 */
export function actionTimeFrom(value: string | undefined, now = new Date()): Date {
  if (!value) return now;
  const d = new Date(value);
  if (d.getTime() > now.getTime() + ACTION_CLOCK_SKEW_MS) {
    throw new AppError(
      422,
      'occurred_at_in_future',
      {
        vi: 'Thời điểm thực hiện nằm trong tương lai. Kiểm tra giờ trên điện thoại.',
        en: 'The time of the action is in the future. Check the phone’s clock.',
      },
      { fields: { occurredAt: { vi: 'Thời điểm ở tương lai', en: 'Time is in the future' } } },
    );
  }
  return d;
}
