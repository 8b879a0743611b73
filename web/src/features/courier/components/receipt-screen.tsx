import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Fact } from '@/components/ui/fact';
import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatMoney } from '@/lib/format';

import { useReceipt } from '../api/courier.api';
import styles from './courier.module.css';
import { QrCode } from './qr-code';

/**
 * `/bien-lai/:id`: the e-receipt of one collection, no login needed (the id is unguessable),
 * printable and shareable, with a QR code to the job's tracking page.
 */
export function ReceiptScreen({ id }: { id: string }) {
  const { t } = useTranslation('courier');
  const receipt = useReceipt(id);
  useDocumentTitle(t('receipt.title'));
  if (receipt.isError)
    return <ErrorState error={receipt.error} onRetry={() => void receipt.refetch()} />;
  if (!receipt.data) return <LoadingState fullPage />;
  const r = receipt.data;
  const share = async () => {
    const data = {
      title: t('receipt.title'),
      text: t('receipt.shareText', { code: r.jobCode }),
      url: window.location.href,
    };
    if (navigator.share) await navigator.share(data).catch(() => undefined);
    else await navigator.clipboard?.writeText(window.location.href);
  };
  return (
    <main className={styles.receipt}>
      <header>
        <p className={styles.muted}>{r.unitName}</p>
        <p className={styles.muted}>{r.unitAddress}</p>
        <h1>{t('receipt.title')}</h1>
      </header>
      <dl className={styles.receiptFacts}>
        <Fact term={t('receipt.job')}>{r.jobCode}</Fact>
        {r.procedureName && <Fact term={t('receipt.procedure')}>{r.procedureName}</Fact>}
        <Fact term={t('receipt.payer')}>{r.payerName}</Fact>
        <Fact term={t('receipt.collector')}>{r.collectorName}</Fact>
        <Fact term={t('receipt.when')}>{formatDateTime(r.occurredAt)}</Fact>
        <Fact term={t('receipt.method')}>
          {t(r.method === 'cash' ? 'money.cash' : 'money.transfer')}
        </Fact>
      </dl>
      <table className={styles.receiptTable}>
        <thead>
          <tr>
            <th>{t('receipt.line')}</th>
            <th>{t('receipt.no')}</th>
            <th>{t('receipt.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.receiptNo}>
              <td>
                {t(`money.flow.${l.flow}`)}
                {l.status === 'pending' && ` (${t('money.pending')})`}
              </td>
              <td>{l.receiptNo}</td>
              <td>{formatMoney(l.amountVnd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('money.total')}</th>
            <td>
              <strong>{formatMoney(r.totalVnd)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {r.feeStamp ? (
        <p className={styles.stamp}>{t('money.stamp')}</p>
      ) : (
        !r.lines.some((l) => l.flow === 'procedure_fee' && l.amountVnd > 0) && (
          <p className={styles.muted}>{t('money.noFee')}</p>
        )
      )}
      <div className={styles.receiptQr}>
        <QrCode value={r.trackingUrl} size={140} label={t('receipt.qr')} />
        <p className={styles.muted}>{t('receipt.track', { url: r.trackingUrl })}</p>
      </div>
      <div className={`${styles.row} ${styles.noPrint}`}>
        <Button onClick={() => window.print()}>{t('receipt.print')}</Button>
        <Button variant="secondary" onClick={() => void share()}>
          {t('receipt.share')}
        </Button>
      </div>
    </main>
  );
}
