import type { Courier, Job, JobList } from '@tannha/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { formatDate, formatDateTime } from '@/lib/format';

import styles from './dispatch.module.css';
import type { JobMarks } from './job-marks';

/** The board's job list query, as the list needs it. */
export type JobListQuery = Pick<
  UseQueryResult<JobList>,
  'data' | 'isError' | 'error' | 'isLoading' | 'refetch'
>;

/** The jobs tab: one button per job (colour, code, status, type, citizen, address, courier, due). */
export function DispatchJobList({
  jobs,
  selected,
  onSelect,
  marks: { BoardDot, StatusBadge, TypeLabel },
}: {
  jobs: JobListQuery;
  selected: string | undefined;
  onSelect: (id: string) => void;
  marks: JobMarks;
}) {
  const { t } = useTranslation('dispatch');
  const items = jobs.data?.items ?? [];
  return (
    <>
      {jobs.isError && <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isLoading && <LoadingState />}
      {jobs.data && items.length === 0 && (
        <EmptyState title={t('list.emptyTitle')} headingLevel={3}>
          {t('list.empty')}
        </EmptyState>
      )}
      <ul className={styles.list} aria-label={t('tabs.jobs', { count: items.length })}>
        {items.map((j) => (
          <li key={j.id}>
            <button
              type="button"
              className={styles.item}
              aria-current={j.id === selected}
              onClick={() => onSelect(j.id)}
            >
              <BoardDot board={j.board} late={j.late} />
              <span className={styles.itemMain}>
                <span>{j.code}</span>
                <StatusBadge status={j.status} />
              </span>
              <span className={styles.itemSub}>
                <TypeLabel type={j.type} short /> · {j.citizen.fullName} · {j.addressText}
              </span>
              <span className={styles.itemSub}>
                {j.courier ? j.courier.fullName : t('list.unassigned')}
                {j.dueDate && ` · ${t('list.due', { date: formatDate(j.dueDate) })}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {jobs.data && jobs.data.total > items.length && (
        <p className={styles.muted}>
          {t('list.more', { shown: items.length, total: jobs.data.total })}
        </p>
      )}
    </>
  );
}

/** The couriers tab: duty, unit, open load and last position; a tap picks one for the open job. */
export function DispatchCourierList({
  couriers,
  onSelect,
}: {
  couriers: Courier[];
  onSelect: (c: Courier) => void;
}) {
  const { t } = useTranslation('dispatch');
  return (
    <ul className={styles.list}>
      {couriers.length === 0 && <li className={styles.muted}>{t('couriers.empty')}</li>}
      {couriers.map((c) => (
        <li key={c.id}>
          <button type="button" className={styles.item} onClick={() => onSelect(c)}>
            <span />
            <span className={styles.itemMain}>
              <span>{c.fullName}</span>
              <span>{c.onDuty ? t('couriers.onDuty') : t('couriers.offDuty')}</span>
            </span>
            <span className={styles.itemSub}>
              {c.unitName} · {t('couriers.load', { count: c.openJobs })} ·{' '}
              {c.position
                ? t('couriers.seen', { time: formatDateTime(c.position.at) })
                : t('couriers.noPosition')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The overdue tab (shared/src/overdue.ts): open jobs past their due date, who holds them and since when. */
export function LateJobsTable({
  late,
  onSelect,
  marks: { BoardDot, StatusBadge },
}: {
  late: Job[] | undefined;
  onSelect: (id: string) => void;
  marks: JobMarks;
}) {
  const { t } = useTranslation('dispatch');
  return (
    <div className={styles.list}>
      <p className={styles.muted}>{t('late.rule')}</p>
      {late && late.length === 0 && <p className={styles.muted}>{t('late.empty')}</p>}
      {late && late.length > 0 && (
        <table className={styles.lateTable}>
          <thead>
            <tr>
              <th scope="col">{t('late.due')}</th>
              <th scope="col">{t('late.holder')}</th>
              <th scope="col">{t('late.since')}</th>
            </tr>
          </thead>
          <tbody>
            {late.map((j) => (
              <tr key={j.id}>
                <td>
                  <button type="button" className={styles.tab} onClick={() => onSelect(j.id)}>
                    {j.code}
                  </button>
                  <div>
                    <BoardDot board={j.board} late={j.late} status={j.status} />{' '}
                    {j.dueDate ? formatDate(j.dueDate) : '—'}
                  </div>
                </td>
                <td>
                  {j.courier ? j.courier.fullName : t('late.nobody')}
                  <div>
                    <StatusBadge status={j.status} />
                  </div>
                </td>
                <td>{formatDateTime(j.assignedAt ?? j.statusChangedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
