import type { ReportSummary } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Section } from '@/components/ui/page';
import { formatDate, formatMoney } from '@/lib/format';

import styles from './dashboard.module.css';
import { duration, useLabel } from './labels';
import { num, TableHead } from './table-head';

/** A section with one count per label (calls by category, jobs by type, …). */
export function CountTable({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; count: number }[];
}) {
  const { t } = useTranslation('manager');
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <p className={styles.note}>{t('empty.generic')}</p>
      ) : (
        <table className={styles.table}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className={styles.num}>{r.count.toLocaleString('vi-VN')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The average time of each leg of a job (call to assignment, assignment to arrival, …). */
export function LegsTable({ legs }: { legs: ReportSummary['legs'] }) {
  const { t, i18n } = useTranslation('manager');
  return (
    <Section title={t('sections.legs')}>
      <table className={styles.table}>
        <tbody>
          {legs.map((l) => (
            <tr key={l.leg}>
              <th scope="row">{t(`legs.${l.leg}`)}</th>
              <td className={styles.num}>
                {l.count ? duration(l.avgSeconds, i18n.language) : t('legs.none')}
              </td>
              <td className={styles.num}>{t('legs.jobs', { count: l.count })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Money collected, by flow then by method: receipts and amount. */
export function MoneyTable({ money }: { money: ReportSummary['money'] }) {
  const { t } = useTranslation('manager');
  const label = useLabel();
  return (
    <Section title={t('sections.money')}>
      {money.byMethod.length === 0 ? (
        <p className={styles.note}>{t('empty.money')}</p>
      ) : (
        <table className={styles.table}>
          <TableHead columns={[t('table.key'), num(t('table.receipts')), num(t('table.amount'))]} />
          <tbody>
            {[
              ...money.byFlow.map((m) => ({ ...m, g: 'flow' as const })),
              ...money.byMethod.map((m) => ({ ...m, g: 'method' as const })),
            ].map((m) => (
              <tr key={`${m.g}-${m.key}`}>
                <th scope="row">{label(m.g, m.key)}</th>
                <td className={styles.num}>{m.count}</td>
                <td className={styles.num}>{formatMoney(m.amountVnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The latest ratings citizens gave, with their comments. */
export function RatingsTable({ recent }: { recent: ReportSummary['ratings']['recent'] }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.ratings')}>
      {recent.length === 0 ? (
        <p className={styles.note}>{t('empty.ratings')}</p>
      ) : (
        <table className={styles.table}>
          <tbody>
            {recent.map((r) => (
              <tr key={`${r.jobCode}-${r.createdAt}`}>
                <td>
                  <span className={styles.stars} aria-label={`${r.stars}/5`}>
                    {'★'.repeat(r.stars)}
                    {'☆'.repeat(5 - r.stars)}
                  </span>
                </td>
                <td>{r.comment ?? '—'}</td>
                <td>{r.courierName ?? '—'}</td>
                <td>{r.jobCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** Cash counted at shift ends against the ledger, with every difference and its reason. */
export function CashSummary({ cash }: { cash: ReportSummary['cash'] }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.cash')}>
      <p>
        {t('cash.summary', {
          count: cash.handovers,
          expected: formatMoney(cash.expectedVnd),
          counted: formatMoney(cash.countedVnd),
          difference: formatMoney(cash.differenceVnd),
        })}
      </p>
      {cash.discrepancies.length === 0 ? (
        <p className={styles.note}>{t('cash.none')}</p>
      ) : (
        <table className={styles.table} aria-label={t('cash.discrepancies')}>
          <TableHead
            columns={[
              t('table.courier'),
              t('cash.shift'),
              num(t('reconciliation.difference')),
              t('cash.reason'),
            ]}
          />
          <tbody>
            {cash.discrepancies.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.courierName}</th>
                <td>{formatDate(d.shiftDate)}</td>
                <td className={`${styles.num} ${d.differenceVnd < 0 ? styles.negative : ''}`}>
                  {formatMoney(d.differenceVnd)}
                </td>
                <td>{d.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
