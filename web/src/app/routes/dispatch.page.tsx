import { JOB_TYPES, type Courier, type JobType } from '@tannha/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyState, ErrorState, LoadingState } from '@/components/ui/feedback';
import { Page } from '@/components/ui/page';
import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import {
  useCouriers,
  useJob,
  useJobs,
  useLateJobs,
  type JobFilters,
} from '@/features/jobs/api/jobs.api';
import { AssignPanel } from '@/features/jobs/components/assign-panel';
import {
  BOARD_COLOURS,
  BoardDot,
  JobStatusBadge,
  JobTypeLabel,
} from '@/features/jobs/components/job-badges';
import { JobDrawer } from '@/features/jobs/components/job-drawer';
import { useLiveCouriers } from '@/features/jobs/hooks/use-live-couriers';
import { useLiveJobs } from '@/features/jobs/hooks/use-live-jobs';
import { DispatchMap } from '@/features/dispatch/components/dispatch-map';
import styles from '@/features/dispatch/components/dispatch.module.css';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { formatDate, formatDateTime } from '@/lib/format';
import { onConnectionChange } from '@/lib/socket';

type Scope = 'open' | 'unassigned' | 'red';
type Tab = 'jobs' | 'couriers' | 'late';

/** `/dispatch`: the live map of open jobs and couriers, side list, filters, assignment and the late list. */
export function DispatchPage() {
  const { t } = useTranslation('dispatch');
  const { t: tj } = useTranslation('jobs');
  const config = useAppConfig();
  const [scope, setScope] = useState<Scope>('open');
  const [type, setType] = useState<JobType | ''>('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebouncedValue(q, 300);
  const [tab, setTab] = useState<Tab>('jobs');
  const [selected, setSelected] = useState<string>();
  const [preselectedCourier, setPreselectedCourier] = useState<string>();
  const [connected, setConnected] = useState(true);

  const filters: JobFilters = {
    open: true,
    pageSize: 500,
    ...(scope === 'unassigned' ? { courierId: 'none' as const } : {}),
    ...(scope === 'red' ? { board: ['red'] } : {}),
    ...(type ? { type } : {}),
    ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
  };
  const jobs = useJobs(filters);
  const couriers = useCouriers();
  const late = useLateJobs();
  // The drawer's own query: the selected job stays open (with the assignment's confirmation)
  // after it leaves the filtered list, e.g. once assigned under "unassigned only".
  const selectedDetail = useJob(selected);
  useLiveJobs();
  useLiveCouriers();
  useEffect(() => onConnectionChange(setConnected), []);

  const close = useCallback(() => {
    setSelected(undefined);
    setPreselectedCourier(undefined);
  }, []);
  const selectJob = (id: string) => {
    setSelected(id);
    setPreselectedCourier(undefined);
  };
  const selectCourier = (c: Courier) => {
    if (selected) setPreselectedCourier(c.id);
  };

  if (config.isError)
    return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data || !couriers.data) return <LoadingState />;
  const own = config.data.unit;
  const center =
    own && own.lat !== null && own.lng !== null ? { lat: own.lat, lng: own.lng } : undefined;
  const jobItems = jobs.data?.items ?? [];
  const courierItems = couriers.data.items;
  const selectedJob =
    selectedDetail.data?.id === selected
      ? selectedDetail.data
      : jobItems.find((j) => j.id === selected);

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className={styles.status} role="status">
            <span className={styles.liveDot} data-offline={!connected} />
            {connected ? t('live') : t('offline')}
          </div>
          <fieldset className={styles.filters}>
            <legend className={styles.muted}>{t('filters.label')}</legend>
            <label>
              {t('filters.search')}
              <input
                type="search"
                value={q}
                placeholder={t('filters.searchPlaceholder')}
                onChange={(e) => setQ(e.target.value)}
              />
            </label>
            <div className={styles.row}>
              <label>
                {t('filters.scope')}
                <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
                  <option value="open">{t('filters.open')}</option>
                  <option value="unassigned">{t('filters.unassigned')}</option>
                  <option value="red">{t('filters.red')}</option>
                </select>
              </label>
              <label>
                {t('filters.type')}
                <select value={type} onChange={(e) => setType(e.target.value as JobType | '')}>
                  <option value="">{t('filters.allTypes')}</option>
                  {JOB_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {tj(`type.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </fieldset>
          {selectedJob && (
            <p className={styles.muted}>{t('selectedHint', { code: selectedJob.code })}</p>
          )}
          <div className={styles.tabs} role="tablist">
            {(['jobs', 'couriers', 'late'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                className={styles.tab}
                aria-selected={tab === k}
                onClick={() => setTab(k)}
              >
                {t(`tabs.${k}`, {
                  count:
                    k === 'jobs'
                      ? (jobs.data?.total ?? 0)
                      : k === 'couriers'
                        ? courierItems.length
                        : (late.data?.items.length ?? 0),
                })}
              </button>
            ))}
          </div>
          {tab === 'jobs' && (
            <>
              {jobs.isError && (
                <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
              )}
              {jobs.isLoading && <LoadingState />}
              {jobs.data && jobItems.length === 0 && (
                <EmptyState title={t('list.emptyTitle')} headingLevel={3}>
                  {t('list.empty')}
                </EmptyState>
              )}
              <ul className={styles.list} aria-label={t('tabs.jobs', { count: jobItems.length })}>
                {jobItems.map((j) => (
                  <li key={j.id}>
                    <button
                      type="button"
                      className={styles.item}
                      aria-current={j.id === selected}
                      onClick={() => selectJob(j.id)}
                    >
                      <BoardDot board={j.board} late={j.late} />
                      <span className={styles.itemMain}>
                        <span>{j.code}</span>
                        <JobStatusBadge status={j.status} />
                      </span>
                      <span className={styles.itemSub}>
                        <JobTypeLabel type={j.type} short /> · {j.citizen.fullName} ·{' '}
                        {j.addressText}
                      </span>
                      <span className={styles.itemSub}>
                        {j.courier ? j.courier.fullName : t('list.unassigned')}
                        {j.dueDate && ` · ${t('list.due', { date: formatDate(j.dueDate) })}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {jobs.data && jobs.data.total > jobItems.length && (
                <p className={styles.muted}>
                  {t('list.more', { shown: jobItems.length, total: jobs.data.total })}
                </p>
              )}
            </>
          )}
          {tab === 'couriers' && (
            <ul className={styles.list}>
              {courierItems.length === 0 && <li className={styles.muted}>{t('couriers.empty')}</li>}
              {courierItems.map((c) => (
                <li key={c.id}>
                  <button type="button" className={styles.item} onClick={() => selectCourier(c)}>
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
          )}
          {tab === 'late' && (
            <div className={styles.list}>
              {late.data && late.data.items.length === 0 && (
                <p className={styles.muted}>{t('late.empty')}</p>
              )}
              {late.data && late.data.items.length > 0 && (
                <table className={styles.lateTable}>
                  <thead>
                    <tr>
                      <th scope="col">{t('late.due')}</th>
                      <th scope="col">{t('late.holder')}</th>
                      <th scope="col">{t('late.since')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {late.data.items.map((j) => (
                      <tr key={j.id}>
                        <td>
                          <button
                            type="button"
                            className={styles.tab}
                            onClick={() => selectJob(j.id)}
                          >
                            {j.code}
                          </button>
                          <div>
                            <BoardDot board={j.board} late={j.late} />{' '}
                            {j.dueDate ? formatDate(j.dueDate) : '—'}
                          </div>
                        </td>
                        <td>
                          {j.courier ? j.courier.fullName : t('late.nobody')}
                          <div>
                            <JobStatusBadge status={j.status} />
                          </div>
                        </td>
                        <td>{formatDateTime(j.assignedAt ?? j.statusChangedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </div>
        <DispatchMap
          tileUrl={config.data.mapTileUrl}
          center={center}
          jobs={jobItems}
          couriers={courierItems}
          selectedJobId={selected}
          onSelectJob={selectJob}
          onSelectCourier={selectCourier}
          boardColours={BOARD_COLOURS}
        />
      </div>
      {selected && (
        <JobDrawer jobId={selected} onClose={close}>
          {selectedJob ? (
            <AssignPanel
              key={`${selected}:${preselectedCourier ?? ''}`}
              job={selectedJob}
              couriers={courierItems}
              preselected={preselectedCourier}
            />
          ) : null}
        </JobDrawer>
      )}
    </Page>
  );
}
