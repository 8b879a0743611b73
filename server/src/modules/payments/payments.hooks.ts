import { AppError } from '../../lib/errors';
import type { JobHook } from '../jobs/jobs.service';
import { findJobPayments } from './payments.repository';
import { moneySettled } from './payments.service';

/**
 * A courier cannot complete a job while money is still due on it or a transfer is waiting
 * for confirmation. The office may (it answers for the exception).
 */
export function paymentsJobHooks(): JobHook {
  return {
    name: 'payments',
    async transitioned(tx, job, event, auth) {
      if (event.toStatus !== 'completed' || auth.user.role !== 'courier') return;
      const rows = await findJobPayments(tx, job.id);
      if (!moneySettled(job, rows)) {
        throw new AppError(409, 'fees_not_collected', {
          vi: 'Chưa thu đủ phí, lệ phí và cước (hoặc còn khoản chuyển khoản chưa xác nhận). Hãy thu tiền trước khi hoàn tất.',
          en: 'The fees and postal charge are not fully collected (or a transfer is not confirmed yet). Collect the money before completing.',
        });
      }
    },
  };
}
