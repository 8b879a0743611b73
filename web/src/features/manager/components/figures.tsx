import type { ReportSummary } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { buttonClassName } from '@/components/ui/button';
import { Section } from '@/components/ui/page';

import { exportUrl, type ReportRange } from '../api/get-report-summary.api';
import { CallsByHourChart, JobsByDayChart } from './charts';
import styles from './dashboard.module.css';
import { CashSummary, CountTable, LegsTable, MoneyTable, RatingsTable } from './figure-tables';
import { KpiCards } from './kpi-cards';
import { useLabel } from './labels';
import { CouriersTable, LateJobsTable } from './team-tables';

/** Every figure of the period, in the dashboard's order. */
export function Figures({ s, range }: { s: ReportSummary; range: ReportRange }) {
  const { t } = useTranslation('manager');
  const label = useLabel();
  return (
    <>
      <KpiCards s={s} />
      <ExportLinks range={range} />
      <div className={styles.grid}>
        <JobsByDayChart byDay={s.jobs.byDay} />
        <CallsByHourChart byHour={s.calls.byHour} />
        <CountTable
          title={t('sections.callsByCategory')}
          rows={s.calls.byCategory.map((r) => ({
            label: label('category', r.key),
            count: r.count,
          }))}
        />
        <CountTable
          title={t('sections.callsByOutcome')}
          rows={s.calls.byOutcome.map((r) => ({ label: label('outcome', r.key), count: r.count }))}
        />
        <CountTable
          title={t('sections.jobsByType')}
          rows={s.jobs.byType.map((r) => ({ label: label('type', r.key), count: r.count }))}
        />
        <CountTable
          title={t('sections.jobsByStatus')}
          rows={s.jobs.byStatus.map((r) => ({ label: label('status', r.key), count: r.count }))}
        />
        <CountTable
          title={t('sections.jobsByProcedure')}
          rows={s.jobs.byProcedure.map((r) => ({ label: r.name ?? '—', count: r.count }))}
        />
        <LegsTable legs={s.legs} />
        <MoneyTable money={s.money} />
      </div>
      <LateJobsTable late={s.late} total={s.overdue} />
      <CouriersTable couriers={s.couriers} />
      <div className={styles.grid}>
        <RatingsTable recent={s.ratings.recent} />
        <CashSummary cash={s.cash} />
      </div>
    </>
  );
}

/** Excel and CSV downloads of jobs, calls and payments with the screen's filters. */
function ExportLinks({ range }: { range: ReportRange }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.exports')} aside={t('export.hint')}>
      <div className={styles.exports}>
        {(['jobs', 'calls', 'payments'] as const).map((kind) => (
          <div key={kind} className={styles.exportGroup}>
            <span>{t(`export.${kind}`)}</span>
            <a
              className={buttonClassName('secondary')}
              href={exportUrl(kind, 'xlsx', range)}
              download
            >
              {t('export.excel')}
            </a>
            <a className={buttonClassName('ghost')} href={exportUrl(kind, 'csv', range)} download>
              {t('export.csv')}
            </a>
          </div>
        ))}
      </div>
    </Section>
  );
}
