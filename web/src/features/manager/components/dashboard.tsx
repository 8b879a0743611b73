import type { ReportSummary, Unit } from '@tannha/shared';
import { useState } from 'react';
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

import { buttonClassName } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Section } from '@/components/ui/page';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';

import { exportUrl, useReportSummary, type ReportRange } from '../api/get-report-summary.api';
import styles from './dashboard.module.css';
import { presetRange, type RangePreset } from './date-range';
import { KpiCards, pct } from './kpi-cards';
import { ReconciliationPanel } from './reconciliation-panel';

export type DashboardProps = {
  /** Units the manager may see (own and below), for the unit picker. */
  units: readonly Unit[];
  /** The manager's own unit: the default choice. */
  defaultUnitId: string;
};

type Group = 'category' | 'outcome' | 'type' | 'status' | 'method' | 'flow';

function useLabel() {
  const { t } = useTranslation('manager');
  return (group: Group, key: string) =>
    t(`labels.${group}.${key}` as 'labels.method.cash', { defaultValue: key });
}

function duration(seconds: number | null, locale: string): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return locale === 'en' ? `${h} h ${m} min` : `${h} giờ ${m} phút`;
}

/** `/manager`: the unit's figures for a period, with exports and the cash reconciliation. */
export function Dashboard({ units, defaultUnitId }: DashboardProps) {
  const { t } = useTranslation('manager');
  const [preset, setPreset] = useState<RangePreset>('7d');
  const [custom, setCustom] = useState(presetRange('30d'));
  const [unitId, setUnitId] = useState(defaultUnitId);
  const range: ReportRange = { ...(preset === 'custom' ? custom : presetRange(preset)), unitId };
  const summary = useReportSummary(range);

  return (
    <>
      <form
        className={styles.filters}
        aria-label={t('filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className={styles.presets}>
          <legend>{t('filters.range')}</legend>
          {(['today', '7d', '30d', 'custom'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={styles.preset}
              aria-pressed={preset === p}
              onClick={() => setPreset(p)}
            >
              {t(`filters.${p}`)}
            </button>
          ))}
        </fieldset>
        {preset === 'custom' && (
          <>
            <label className={styles.field}>
              {t('filters.from')}
              <input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(e) =>
                  e.target.value && setCustom((c) => ({ ...c, from: e.target.value }))
                }
              />
            </label>
            <label className={styles.field}>
              {t('filters.to')}
              <input
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(e) => e.target.value && setCustom((c) => ({ ...c, to: e.target.value }))}
              />
            </label>
          </>
        )}
        <label className={styles.field}>
          {t('filters.unit')}
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <p className={styles.status} role="status">
          {summary.isFetching
            ? t('filters.refreshing')
            : summary.data
              ? t('filters.updated', { time: formatDateTime(summary.data.generatedAt) })
              : null}
        </p>
      </form>

      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <LoadingState />
      ) : (
        <Figures s={summary.data} range={range} />
      )}
      <ReconciliationPanel unitId={unitId} />
    </>
  );
}

function Figures({ s, range }: { s: ReportSummary; range: ReportRange }) {
  const { t, i18n } = useTranslation('manager');
  const label = useLabel();
  return (
    <>
      <KpiCards s={s} />
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
      <div className={styles.grid}>
        <Section title={t('sections.jobsByDay')}>
          {s.jobs.byDay.length === 0 ? (
            <p className={styles.note}>{t('empty.generic')}</p>
          ) : (
            <div className={styles.chart}>
              <ResponsiveContainer>
                <BarChart
                  data={s.jobs.byDay.map((d) => ({ ...d, label: formatDate(d.date).slice(0, 5) }))}
                >
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
        <Section title={t('sections.callsByHour')}>
          <div className={styles.chart}>
            <ResponsiveContainer>
              <BarChart
                data={s.calls.byHour.filter((h) => (h.hour >= 6 && h.hour <= 21) || h.count > 0)}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="hour" />
                <YAxis allowDecimals={false} />
                <Tooltip labelFormatter={(h) => t('chart.hour', { hour: String(h) })} />
                <Bar dataKey="count" name={t('chart.calls')} fill="#f2a900" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Section>
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
        <Section title={t('sections.legs')}>
          <table className={styles.table}>
            <tbody>
              {s.legs.map((l) => (
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
        <Section title={t('sections.money')}>
          {s.money.byMethod.length === 0 ? (
            <p className={styles.note}>{t('empty.money')}</p>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('table.key')}</th>
                  <th scope="col" className={styles.num}>
                    {t('table.receipts')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('table.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...s.money.byFlow.map((m) => ({ ...m, g: 'flow' as const })),
                  ...s.money.byMethod.map((m) => ({ ...m, g: 'method' as const })),
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
      </div>

      <Section title={t('sections.late')} aside={String(s.late.length)}>
        {s.late.length === 0 ? (
          <EmptyState title={t('empty.late')} headingLevel={3} />
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('table.code')}</th>
                <th scope="col">{t('table.type')}</th>
                <th scope="col">{t('table.status')}</th>
                <th scope="col">{t('table.dueDate')}</th>
                <th scope="col">{t('table.unit')}</th>
                <th scope="col">{t('table.holder')}</th>
              </tr>
            </thead>
            <tbody>
              {s.late.map((j) => (
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

      <Section title={t('sections.couriers')}>
        {s.couriers.length === 0 ? (
          <p className={styles.note}>{t('empty.couriers')}</p>
        ) : (
          <>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('table.courier')}</th>
                  <th scope="col">{t('table.unit')}</th>
                  <th scope="col" className={styles.num}>
                    {t('table.jobs')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('table.completed')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('table.onTimeRate')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('table.distance')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('table.rating')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.couriers.map((c) => (
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

      <div className={styles.grid}>
        <Section title={t('sections.ratings')}>
          {s.ratings.recent.length === 0 ? (
            <p className={styles.note}>{t('empty.ratings')}</p>
          ) : (
            <table className={styles.table}>
              <tbody>
                {s.ratings.recent.map((r) => (
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
        <Section title={t('sections.cash')}>
          <p>
            {t('cash.summary', {
              count: s.cash.handovers,
              expected: formatMoney(s.cash.expectedVnd),
              counted: formatMoney(s.cash.countedVnd),
              difference: formatMoney(s.cash.differenceVnd),
            })}
          </p>
          {s.cash.discrepancies.length === 0 ? (
            <p className={styles.note}>{t('cash.none')}</p>
          ) : (
            <table className={styles.table} aria-label={t('cash.discrepancies')}>
              <thead>
                <tr>
                  <th scope="col">{t('table.courier')}</th>
                  <th scope="col">{t('cash.shift')}</th>
                  <th scope="col" className={styles.num}>
                    {t('reconciliation.difference')}
                  </th>
                  <th scope="col">{t('cash.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {s.cash.discrepancies.map((d) => (
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
      </div>
    </>
  );
}

function CountTable({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
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
