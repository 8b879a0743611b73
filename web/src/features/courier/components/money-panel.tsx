import { buildVietQr, parseVnd, type Job, type JobMoney, type PaymentMethod } from '@tannha/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { Fact } from '@/components/ui/fact';
import { Badge } from '@/components/ui/feedback';
import { TextField } from '@/components/ui/text-field';
import { formatMoney } from '@/lib/format';

import { queueJson } from '../offline/actions';
import type { OutboxState } from '../offline/outbox';
import styles from './courier.module.css';
import { QrCode as QrLazy } from './qr-code';
import { RadioChoice } from './radio-choice';

export type MoneyPanelProps = { job: Job; money: JobMoney; outbox: OutboxState };

/**
 * Money at the door: the procedure fee and the postal charge as separate lines, cash or a bank
 * transfer shown as a VietQR code (a QR shown is not a payment: the transfer is confirmed once
 * seen), receipts, and the "Đã thu phí, lệ phí" stamp.
 */
export function MoneyPanel({ job, money, outbox }: MoneyPanelProps) {
  const { t } = useTranslation('courier');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [fee, setFee] = useState(String(money.outstanding.procedureFee));
  const [postal, setPostal] = useState(String(money.outstanding.postalCharge));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queued = outbox.actions.filter((a) => a.jobId === job.id && a.url.includes('/payments'));
  const outstanding = money.outstanding.procedureFee + money.outstanding.postalCharge;
  const feeVnd = parseVnd(fee) ?? NaN;
  const postalVnd = parseVnd(postal) ?? NaN;
  const total =
    (Number.isFinite(feeVnd) ? feeVnd : 0) + (Number.isFinite(postalVnd) ? postalVnd : 0);
  const differs =
    feeVnd !== money.outstanding.procedureFee || postalVnd !== money.outstanding.postalCharge;
  const qr =
    method === 'transfer' && money.bank && total > 0
      ? buildVietQr({
          bankBin: money.bank.bankBin,
          accountNumber: money.bank.accountNumber,
          amount: total,
          purpose: `${job.code} thu phi`,
        })
      : null;
  const collections = [
    ...new Set(money.payments.map((p) => p.collectionId).filter((x): x is string => !!x)),
  ];

  const collect = async () => {
    if (!Number.isFinite(feeVnd) || !Number.isFinite(postalVnd))
      return setError(t('money.badAmount'));
    if (differs && reason.trim().length < 3) return setError(t('money.reasonNeeded'));
    setError(null);
    const lines = [
      { flow: 'procedure_fee', amountVnd: feeVnd },
      { flow: 'postal_charge', amountVnd: postalVnd },
    ].filter(
      (l) =>
        l.amountVnd > 0 ||
        (l.flow === 'procedure_fee'
          ? money.outstanding.procedureFee
          : money.outstanding.postalCharge) > 0,
    );
    await queueJson(
      job.id,
      `/api/jobs/${job.id}/payments`,
      { method, lines, ...(differs ? { reason: reason.trim() } : {}) },
      t(method === 'cash' ? 'money.queuedCash' : 'money.queuedTransfer', {
        amount: formatMoney(total),
      }),
    );
  };

  return (
    <section className={styles.card} aria-labelledby="money-h">
      <h2 id="money-h">{t('money.title')}</h2>
      <dl className={styles.moneyLines}>
        <Fact term={t('money.procedureFee')}>{formatMoney(money.due.procedureFee)}</Fact>
        <Fact term={t('money.postalCharge')}>{formatMoney(money.due.postalCharge)}</Fact>
      </dl>
      {money.feesCollected && (
        <p className={styles.stamp} role="status">
          {t('money.stamp')}
        </p>
      )}
      {money.due.procedureFee === 0 && <p className={styles.muted}>{t('money.noFee')}</p>}
      {money.payments.length > 0 && (
        <ul className={styles.list}>
          {money.payments.map((p) => (
            <li key={p.id} className={styles.paymentRow}>
              <span>
                {t(`money.flow.${p.flow}`)} · {formatMoney(p.amountVnd)} · {p.receiptNo}
              </span>
              {p.status === 'pending' ? (
                <span className={styles.row}>
                  <Badge tone="warning">{t('money.pending')}</Badge>
                  <Button
                    variant="secondary"
                    onClick={() =>
                      void queueJson(
                        job.id,
                        `/api/payments/${p.id}/confirm`,
                        {},
                        t('money.queuedConfirm', { no: p.receiptNo }),
                      )
                    }
                  >
                    {t('money.confirm')}
                  </Button>
                </span>
              ) : (
                <Badge tone="success">{t('money.confirmed')}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      {collections.map((c) => (
        <Link key={c} to={`/bien-lai/${c}`} className={styles.linkButton}>
          {t('money.openReceipt')}
        </Link>
      ))}
      {queued.length > 0 && <p className={styles.pendingNote}>{t('money.waitingSync')}</p>}
      {outstanding > 0 && queued.length === 0 && (
        <div className={styles.stack}>
          <RadioChoice
            legend={t('money.method')}
            name="method"
            value={method}
            onChange={setMethod}
            options={[
              { value: 'cash', label: t('money.cash') },
              { value: 'transfer', label: t('money.transfer') },
            ]}
          />
          <TextField
            label={t('money.procedureFeeToCollect')}
            inputMode="numeric"
            value={fee}
            onChange={(e) => setFee(e.target.value)}
          />
          <TextField
            label={t('money.postalToCollect')}
            inputMode="numeric"
            value={postal}
            onChange={(e) => setPostal(e.target.value)}
          />
          {differs && (
            <TextField
              label={t('money.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              hint={t('money.reasonHint')}
            />
          )}
          <p className={styles.total}>
            {t('money.total')}: <strong>{formatMoney(total)}</strong>
          </p>
          {method === 'transfer' && !money.bank && (
            <p className={styles.errorText}>{t('money.noBank')}</p>
          )}
          {qr && (
            <div className={styles.qrBox}>
              <QrLazy value={qr} label={t('money.qrLabel', { amount: formatMoney(total) })} />
              <p className={styles.muted}>
                {t('money.qrNote', {
                  account: money.bank!.accountNumber,
                  name: money.bank!.accountName,
                })}
              </p>
            </div>
          )}
          {error && (
            <p className={styles.errorText} role="alert">
              {error}
            </p>
          )}
          <Button
            block
            onClick={() => void collect()}
            disabled={method === 'transfer' && !money.bank}
          >
            {method === 'cash'
              ? t('money.collectCash', { amount: formatMoney(total) })
              : t('money.collectTransfer')}
          </Button>
        </div>
      )}
    </section>
  );
}
