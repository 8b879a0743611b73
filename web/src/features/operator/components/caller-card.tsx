import type { Call, CitizenHistory } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/feedback';
import { formatPhone } from '@/lib/format';

import styles from './operator-console.module.css';

/** The head of the call form: ticket, open or closed, outcome, and who is calling. */
export function CallerCard({
  call,
  citizen,
  closed,
}: {
  call: Call;
  /** The caller's record, once loaded (known callers only). */
  citizen: CitizenHistory['citizen'] | undefined;
  closed: boolean;
}) {
  const { t } = useTranslation('operator');
  return (
    <>
      <div className={styles.cardHead}>
        <h2 id="call-form-heading">
          {t('call.title')} {call.ticketCode}
        </h2>
        {closed ? (
          <Badge tone="neutral">{t('call.closed')}</Badge>
        ) : (
          <Badge tone="info">{t('call.open')}</Badge>
        )}
        {call.outcome && (
          <Badge tone="success">{t(`outcome.${call.outcome}` as 'outcome.answered')}</Badge>
        )}
      </div>
      <p className={styles.callerLine}>
        <span className={styles.phone}>{formatPhone(call.callerPhone)}</span> ·{' '}
        {citizen ? citizen.fullName : call.callerName || t('call.unknownCaller')}
        {call.outOfHours && <Badge tone="warning">{t('call.outOfHours')}</Badge>}
      </p>
    </>
  );
}
