import { toVnDate, type CourierShiftCash } from '@tannha/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Alert } from '@/components/ui/feedback';
import { QueryView } from '@/components/ui/query-view';
import { Section } from '@/components/ui/page';
import { ApiError } from '@/lib/api-client';
import { formatMoney } from '@/lib/format';

import { useHandovers, useRecordHandover, useShiftCash } from '../api/reconciliation.api';
import styles from './dashboard.module.css';
import { num, TableHead } from './table-head';

/** End-of-shift cash: the ledger's figure per courier, the count entered by the manager, the differences. */
export function ReconciliationPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation('manager');
  const [date, setDate] = useState(() => toVnDate(new Date()));
  const shifts = useShiftCash(date, unitId);
  const history = useHandovers(date, date, unitId);
  return (
    <Section title={t('reconciliation.title')}>
      <p className={styles.note}>{t('reconciliation.intro')}</p>
      <div style={{ maxWidth: '16rem', marginBottom: 'var(--space-3)' }}>
        <DateField
          label={t('reconciliation.date')}
          value={date}
          onChange={(d) => d && setDate(d)}
        />
      </div>
      <QueryView query={shifts} empty={<p className={styles.note}>{t('reconciliation.empty')}</p>}>
        {(couriers) => (
          <table className={styles.table}>
            <TableHead
              columns={[
                t('reconciliation.courier'),
                num(t('reconciliation.outstanding')),
                num(t('reconciliation.handedIn')),
                t('reconciliation.counted'),
              ]}
            />
            <tbody>
              {couriers.map((c) => (
                <CourierRow key={c.courierId} c={c} date={date} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {history.data && history.data.length > 0 && (
        <>
          <h3>{t('reconciliation.history')}</h3>
          <table className={styles.table}>
            <TableHead
              columns={[
                t('reconciliation.courier'),
                num(t('reconciliation.outstanding')),
                num(t('reconciliation.counted')),
                num(t('reconciliation.difference')),
                t('reconciliation.reason'),
                t('reconciliation.countedBy'),
              ]}
            />
            <tbody>
              {history.data.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.courierName}</th>
                  <td className={styles.num}>{formatMoney(h.expectedVnd)}</td>
                  <td className={styles.num}>{formatMoney(h.countedVnd)}</td>
                  <td className={`${styles.num} ${h.differenceVnd < 0 ? styles.negative : ''}`}>
                    {formatMoney(h.differenceVnd)}
                  </td>
                  <td>{h.reason ?? '—'}</td>
                  <td>{h.countedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function CourierRow({ c, date }: { c: CourierShiftCash; date: string }) {
  const { t } = useTranslation('manager');
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const record = useRecordHandover();
  const amount = Number(counted.replace(/\D/g, ''));
  const differs = counted !== '' && amount !== c.outstandingVnd;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { courierId: c.courierId, shiftDate: date, countedVnd: amount, reason: reason || undefined },
      {
        onSuccess: () => {
          setCounted('');
          setReason('');
        },
      },
    );
  };
  const fieldError = record.error instanceof ApiError ? record.error.fields?.reason : undefined;
  return (
    <tr>
      <th scope="row">
        {c.courierName}
        <br />
        <small className={styles.note}>{c.unitName}</small>
      </th>
      <td className={styles.num}>{formatMoney(c.outstandingVnd)}</td>
      <td className={styles.num}>{formatMoney(c.handedInVnd)}</td>
      <td>
        {c.outstandingCount === 0 ? (
          <span className={styles.note}>{t('reconciliation.nothing')}</span>
        ) : (
          <form
            className={styles.form}
            onSubmit={onSubmit}
            aria-label={`${t('reconciliation.counted')} — ${c.courierName}`}
          >
            <input
              inputMode="numeric"
              aria-label={t('reconciliation.counted')}
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
              placeholder={String(c.outstandingVnd)}
              required
            />
            {differs && (
              <input
                aria-label={t('reconciliation.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t('reconciliation.reason')}
              />
            )}
            <Button type="submit" variant="secondary" disabled={record.isPending || counted === ''}>
              {record.isPending ? t('reconciliation.saving') : t('reconciliation.confirm')}
            </Button>
            {record.isError && (
              <Alert tone="danger">
                {record.error.message}
                {fieldError ? ` ${fieldError}` : ''}
              </Alert>
            )}
            {record.isSuccess && (
              <Alert tone="success">
                {t('reconciliation.saved', {
                  amount: formatMoney(record.data.countedVnd),
                  name: c.courierName,
                })}
              </Alert>
            )}
          </form>
        )}
      </td>
    </tr>
  );
}
