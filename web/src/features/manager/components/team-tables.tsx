import type { ReportSummary } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { EmptyState } from '@/components/ui/feedback';
import { Section } from '@/components/ui/page';
import { formatDate } from '@/lib/format';

import styles from './dashboard.module.css';
import { pct } from './kpi-cards';
import { useLabel } from './labels';
import { num, TableHead } from './table-head';

/** Overdue jobs now (the first 100 of `total`): type, status, why late, unit and who holds them. */
export function LateJobsTable({ late, total }: { late: ReportSummary['late']; total: number }) {
  const { t } = useTranslation('manager');
  const label = useLabel();
  return (
    <Section title={t('sections.late')} aside={String(total)}>
      {late.length === 0 ? (
        <EmptyState title={t('empty.late')} headingLevel={3} />
      ) : (
        <table className={styles.table}>
          <TableHead
            columns={[
              t('table.code'),
              t('table.type'),
              t('table.status'),
              t('table.dueDate'),
              t('table.unit'),
              t('table.holder'),
            ]}
          />
          <tbody>
            {late.map((j) => (
              <tr key={j.jobId}>
                <td>{j.code}</td>
                <td>{label('type', j.type)}</td>
                <td>{label('status', j.status)}</td>
                <td className={styles.negative}>
                  {formatDate(j.dueDate)}
                  <br />
                  <small>{t(`lateReason.${j.reason}`)}</small>
                </td>
                <td>{j.unitName}</td>
                <td>{j.holderName ?? t('table.unassigned')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** Each courier's jobs, completions, punctuality, distance and rating in the period. */
export function CouriersTable({ couriers }: { couriers: ReportSummary['couriers'] }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.couriers')}>
      {couriers.length === 0 ? (
        <p className={styles.note}>{t('empty.couriers')}</p>
      ) : (
        <>
          <table className={styles.table}>
            <TableHead
              columns={[
                t('table.courier'),
                t('table.unit'),
                num(t('table.jobs')),
                num(t('table.completed')),
                num(t('table.onTimeRate')),
                num(t('table.distance')),
                num(t('table.rating')),
              ]}
            />
            <tbody>
              {couriers.map((c) => (
                <tr key={c.courierId}>
                  <th scope="row">{c.name}</th>
                  <td>{c.unitName}</td>
                  <td className={styles.num}>{c.jobs}</td>
                  <td className={styles.num}>{c.completed}</td>
                  <td className={styles.num}>{pct(c.onTimeRate)}</td>
                  <td className={styles.num}>{c.distanceKm.toLocaleString('vi-VN')}</td>
                  <td className={styles.num}>
                    {c.ratingAverage === null
                      ? '—'
                      : `${c.ratingAverage.toLocaleString('vi-VN')} (${c.ratingCount})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.note}>{t('distanceNote')}</p>
        </>
      )}
    </Section>
  );
}
