import type { LocalizedText } from '../lib/errors';
import type { AuthContext } from '../lib/http';
import { EVERY_ROLE, definePolicy, unitScope, type Rule } from './policy';
import { ownJobOrUnit } from './jobs.policy';

/** Everyone who takes money at the door or answers for it (not the call centre). */
const COLLECTORS = ['courier', 'dispatcher', 'manager', 'admin'] as const;

type PaymentRecord = { unitId: string; collectedBy: string };

/** A courier touches only the ledger lines they collected; the office those of its units. */
function ownLineOrUnit(reason: LocalizedText): NonNullable<Rule<PaymentRecord>['record']> {
  return (auth: AuthContext, p: PaymentRecord) => {
    if (auth.user.role === 'courier') return p.collectedBy === auth.user.id ? null : reason;
    return unitScope(auth, p);
  };
}

/** Money at the door: who may see a job's money, collect it, confirm and correct ledger lines. */
export const paymentsPolicy = definePolicy({
  'payments.read': { roles: EVERY_ROLE, record: ownJobOrUnit },
  'payments.collect': { roles: COLLECTORS, record: ownJobOrUnit },
  'payments.confirm': {
    roles: COLLECTORS,
    record: ownLineOrUnit({
      vi: 'Bạn chỉ xác nhận được khoản do mình thu.',
      en: 'You can only confirm payments you collected.',
    }),
  },
  'payments.reverse': {
    roles: COLLECTORS,
    record: ownLineOrUnit({
      vi: 'Bạn chỉ điều chỉnh được khoản do mình thu.',
      en: 'You can only correct payments you collected.',
    }),
  },
  /** A courier's own cash of the shift. */
  'payments.shift_cash': { roles: ['courier'] },
});
