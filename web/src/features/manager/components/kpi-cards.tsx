import type { ReportSummary } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/format';

import styles from './dashboard.module.css';

const pct = (x: number | null) =>
  x === null ? '—' : `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** The headline figures of the period. */
export function KpiCards({ s }: { s: ReportSummary }) {
  const { t } = useTranslation('manager');
  const cards = [
    {
      id: 'calls',
      title: t('kpi.calls'),
      value: s.calls.total.toLocaleString('vi-VN'),
      detail: null,
    },
    { id: 'jobs', title: t('kpi.jobs'), value: s.jobs.total.toLocaleString('vi-VN'), detail: null },
    {
      id: 'onTime',
      title: t('kpi.onTime'),
      value: pct(s.onTime.rate),
      detail:
        s.onTime.rate === null
          ? t('kpi.noneJudged')
          : t('kpi.onTimeDetail', {
              onTime: s.onTime.onTime,
              completedLate: s.onTime.completedLate,
              overdueOpen: s.onTime.overdueOpen,
            }),
    },
    {
      id: 'overdue',
      title: t('kpi.overdue'),
      value: s.overdue.toLocaleString('vi-VN'),
      detail: t('kpi.overdueDetail'),
    },
    {
      id: 'money',
      title: t('kpi.money'),
      value: formatMoney(s.money.totalVnd),
      detail: s.money.pendingVnd
        ? t('kpi.pending', { amount: formatMoney(s.money.pendingVnd) })
        : null,
    },
    {
      id: 'rating',
      title: t('kpi.rating'),
      value: s.ratings.average === null ? '—' : `${s.ratings.average.toLocaleString('vi-VN')} / 5`,
      detail: s.ratings.count
        ? t('kpi.ratingDetail', { count: s.ratings.count })
        : t('kpi.noRatings'),
    },
  ];
  return (
    <div className={styles.kpis}>
      {cards.map((c) => (
        <section key={c.id} className={styles.kpi} aria-label={c.title} data-kpi={c.id}>
          <h2>{c.title}</h2>
          <p className={styles.kpiValue}>{c.value}</p>
          {c.detail && <p className={styles.kpiDetail}>{c.detail}</p>}
        </section>
      ))}
    </div>
  );
}

export { pct };
