import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/format';

import { useCash } from '../api/courier.api';
import styles from './courier.module.css';

/** The cash the courier holds and must hand in, by money flow, with transfers still pending. */
export function CashCard() {
  const { t } = useTranslation('courier');
  const cash = useCash();
  if (!cash.data) return null;
  return (
    <section className={styles.card} aria-labelledby="cash-h">
      <h2 id="cash-h">{t('cash.title')}</h2>
      <p className={styles.total}>
        {t('cash.toHandIn')}:{' '}
        <strong data-testid="cash-total">{formatMoney(cash.data.cashToHandInVnd)}</strong>
      </p>
      <p className={styles.muted}>
        {t('cash.byFlow', {
          fee: formatMoney(cash.data.byFlow.procedureFee),
          postal: formatMoney(cash.data.byFlow.postalCharge),
        })}
        {cash.data.pendingTransfersVnd > 0 &&
          ` · ${t('cash.pendingTransfers', { amount: formatMoney(cash.data.pendingTransfersVnd) })}`}
      </p>
    </section>
  );
}
