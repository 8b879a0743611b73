import type { ReportSummary } from '@tannha/shared';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { Section } from '@/components/ui/page';
import { formatDate } from '@/lib/format';

import styles from './dashboard.module.css';

/** Jobs created and completed per day of the period. */
export function JobsByDayChart({ byDay }: { byDay: ReportSummary['jobs']['byDay'] }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.jobsByDay')}>
      {byDay.length === 0 ? (
        <p className={styles.note}>{t('empty.generic')}</p>
      ) : (
        <div className={styles.chart}>
          <ResponsiveContainer>
            <BarChart data={byDay.map((d) => ({ ...d, label: formatDate(d.date).slice(0, 5) }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="created" name={t('chart.created')} fill="#0b5394" />
              <Bar dataKey="completed" name={t('chart.completed')} fill="#0f6b50" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Section>
  );
}

/** Calls per hour of the day (working hours, plus any other hour that had calls). */
export function CallsByHourChart({ byHour }: { byHour: ReportSummary['calls']['byHour'] }) {
  const { t } = useTranslation('manager');
  return (
    <Section title={t('sections.callsByHour')}>
      <div className={styles.chart}>
        <ResponsiveContainer>
          <BarChart data={byHour.filter((h) => (h.hour >= 6 && h.hour <= 21) || h.count > 0)}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(h) => t('chart.hour', { hour: String(h) })} />
            <Bar dataKey="count" name={t('chart.calls')} fill="#f2a900" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Section>
  );
}
