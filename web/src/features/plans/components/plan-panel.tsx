import { toVnDate, type Plan, type PlanRoute, type PlanStop } from '@tannha/shared';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState } from '@/components/ui/feedback';
import { Section } from '@/components/ui/page';
import { ApiError } from '@/lib/api-client';

import { useCommitPlan, useCreatePlan, useUpdatePlan } from '../api/plans.api';

import { PlanMap, routeColour } from './plan-map';
import styles from './plans.module.css';

const BUDGET_MS = 2000;

const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
const km = (m: number, locale: string) =>
  (m / 1000).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });

type Orders = { courierId: string; jobIds: string[] }[];
const ordersOf = (plan: Plan): Orders =>
  plan.routes.map((r) => ({ courierId: r.courierId, jobIds: r.stops.map((s) => s.jobId) }));

function errorText(error: unknown): string | undefined {
  if (!error) return undefined;
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/**
 * The day planner: pick a date, solve on the server (with progress), see one coloured route
 * per courier on the map, move or reorder stops (re-timed by the server, broken windows in
 * red before anything is written), then commit after a confirmation.
 */
export function PlanPanel({
  unitId,
  tileUrl,
  center,
}: {
  unitId: string | undefined;
  tileUrl: string;
  center: { lat: number; lng: number } | undefined;
}) {
  const { t, i18n } = useTranslation('plans');
  const [date, setDate] = useState(() => toVnDate(new Date()));
  const [startTime, setStartTime] = useState('');
  const [plan, setPlan] = useState<Plan>();
  const [confirming, setConfirming] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const commitKey = useRef<string>('');
  const create = useCreatePlan(unitId);
  const update = useUpdatePlan();
  const commit = useCommitPlan();

  useEffect(() => {
    if (!create.isPending) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 100);
    return () => clearInterval(timer);
  }, [create.isPending]);

  const propose = () => {
    setConfirming(false);
    setElapsed(0);
    commit.reset();
    update.reset();
    create.mutate(
      { date, budgetMs: BUDGET_MS, ...(startTime ? { startTime } : {}) },
      {
        onSuccess: (p) => {
          setPlan(p);
          commitKey.current = `plan-commit-${p.id}-${crypto.randomUUID()}`;
        },
      },
    );
  };

  const edit = (next: Orders) => {
    if (!plan) return;
    update.mutate({ id: plan.id, input: { routes: next } }, { onSuccess: setPlan });
  };
  const move = (courierId: string, index: number, delta: number) => {
    if (!plan) return;
    const next = ordersOf(plan).map((r) => {
      if (r.courierId !== courierId) return r;
      const ids = [...r.jobIds];
      const [id] = ids.splice(index, 1);
      ids.splice(index + delta, 0, id!);
      return { ...r, jobIds: ids };
    });
    edit(next);
  };
  const giveTo = (jobId: string, toCourierId: string) => {
    if (!plan) return;
    const next = ordersOf(plan).map((r) => ({ ...r, jobIds: r.jobIds.filter((j) => j !== jobId) }));
    next.find((r) => r.courierId === toCourierId)?.jobIds.push(jobId);
    edit(next);
  };
  const remove = (jobId: string) => {
    if (!plan) return;
    edit(ordersOf(plan).map((r) => ({ ...r, jobIds: r.jobIds.filter((j) => j !== jobId) })));
  };

  const committed = plan?.status === 'committed';
  const busy = create.isPending || update.isPending || commit.isPending;
  const error = errorText(create.error) ?? errorText(update.error) ?? errorText(commit.error);

  return (
    <div className={styles.layout}>
      <div className={styles.side}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            propose();
          }}
        >
          <fieldset className={styles.form} aria-label={t('form.label')}>
            <label>
              {t('form.date')}
              <input
                type="date"
                value={date}
                required
                onChange={(e) => setDate(e.target.value)}
                name="date"
              />
            </label>
            <label>
              {t('form.startTime')}
              <input
                type="time"
                value={startTime}
                onChange={(e) => setStartTime(e.target.value)}
                name="startTime"
              />
            </label>
            <Button type="submit" disabled={busy || !unitId}>
              {plan ? t('form.again') : t('form.submit')}
            </Button>
          </fieldset>
          <p className={styles.hint}>{t('form.startTimeHint')}</p>
        </form>

        {create.isPending && (
          <div role="status" aria-live="polite">
            <progress
              className={styles.progress}
              max={BUDGET_MS + 1500}
              value={Math.min(elapsed, BUDGET_MS + 1500)}
            />
            <p>{t('solving', { seconds: (elapsed / 1000).toFixed(1) })}</p>
            <p className={styles.hint}>{t('solvingHint')}</p>
          </div>
        )}
        {error && <Alert tone="danger">{error}</Alert>}
        {!plan && !create.isPending && (
          <EmptyState title={t('form.label')}>{t('empty')}</EmptyState>
        )}

        {plan && (
          <>
            <p role="status" data-testid="plan-summary">
              {t('summary', {
                stops: plan.totals.stops,
                couriers: plan.totals.couriers,
                km: km(plan.totals.distanceM, i18n.language),
                seconds: (plan.solveMs / 1000).toFixed(1),
              })}
            </p>
            {committed && <Alert tone="success">{t('committedAlert')}</Alert>}
            {plan.totals.violations > 0 && !committed && (
              <Alert tone="warning">
                {t('violationsAlert', { count: plan.totals.violations })}
              </Alert>
            )}
            {update.isPending && <p className={styles.hint}>{t('saving')}</p>}

            {!committed &&
              (confirming ? (
                <div
                  className={styles.confirm}
                  role="alertdialog"
                  aria-labelledby="plan-confirm-text"
                >
                  <p id="plan-confirm-text">
                    {t('commit.confirm', {
                      stops: plan.totals.stops,
                      couriers: plan.totals.couriers,
                    })}
                  </p>
                  <div className={styles.actions}>
                    <Button
                      autoFocus
                      disabled={busy}
                      onClick={() =>
                        commit.mutate(
                          { id: plan.id, key: commitKey.current },
                          { onSuccess: (p) => (setPlan(p), setConfirming(false)) },
                        )
                      }
                    >
                      {t('commit.yes')}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirming(false)}>
                      {t('commit.no')}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button
                  disabled={busy || plan.totals.stops === 0}
                  onClick={() => setConfirming(true)}
                >
                  {t('commit.button')}
                </Button>
              ))}

            <ul className={styles.routes} aria-label={t('routesLabel')}>
              {plan.routes.map((r, i) => (
                <RouteCard
                  key={r.courierId}
                  route={r}
                  colour={routeColour(i)}
                  plan={plan}
                  locked={committed || busy}
                  onMove={move}
                  onGive={giveTo}
                  onRemove={remove}
                />
              ))}
            </ul>

            <Section title={t('unassigned.title', { count: plan.unassigned.length })}>
              {plan.unassigned.length === 0 ? (
                <p className={styles.hint}>{t('unassigned.none')}</p>
              ) : (
                <ul className={styles.unassigned}>
                  {plan.unassigned.map((u) => (
                    <li key={u.jobId}>
                      <strong>{u.code}</strong> — {u.addressText}
                      <br />
                      <span>
                        {u.windowStart && u.windowEnd
                          ? t('stop.window', { from: hhmm(u.windowStart), to: hhmm(u.windowEnd) })
                          : t('stop.noWindow')}{' '}
                        · {t(`reason.${u.reason}`)}
                      </span>
                      {!committed &&
                        u.reason !== 'no_location' &&
                        u.reason !== 'courier_off_duty' && (
                          <div className={styles.actions}>
                            <label className={styles.move}>
                              <select
                                aria-label={t('unassigned.add', { code: u.code })}
                                value=""
                                disabled={busy}
                                onChange={(e) => e.target.value && giveTo(u.jobId, e.target.value)}
                              >
                                <option value="">{t('stop.moveToPlaceholder')}</option>
                                {plan.routes.map((c) => (
                                  <option key={c.courierId} value={c.courierId}>
                                    {c.courierName}
                                  </option>
                                ))}
                              </select>
                            </label>
                          </div>
                        )}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </div>
      <PlanMap plan={plan} tileUrl={tileUrl} center={center} />
    </div>
  );
}

function RouteCard(props: {
  route: PlanRoute;
  colour: string;
  plan: Plan;
  locked: boolean;
  onMove: (courierId: string, index: number, delta: number) => void;
  onGive: (jobId: string, courierId: string) => void;
  onRemove: (jobId: string) => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const { route: r, plan, locked } = props;
  const first = r.stops[0];
  const last = r.stops.at(-1);
  return (
    <li
      className={styles.route}
      style={{ '--route-colour': props.colour } as CSSProperties}
      data-testid="plan-route"
      data-courier-id={r.courierId}
    >
      <h3>{r.courierName}</h3>
      <p className={styles.routeMeta}>
        {r.unitName} · {t('route.stops', { count: r.stops.length })}
        {r.stops.length > 0 && (
          <>
            {' · '}
            {t('route.distance', { km: km(r.distanceM, i18n.language) })} ·{' '}
            {t('route.load', { load: r.load, capacity: r.capacity })} ·{' '}
            {t('route.span', { first: hhmm(first!.arrival), last: hhmm(last!.departure) })} ·{' '}
            {t('route.back', { time: hhmm(r.endAt) })}
          </>
        )}
      </p>
      {r.stops.length === 0 ? (
        <p className={styles.hint}>{t('route.none')}</p>
      ) : (
        <ol className={styles.stops}>
          {r.stops.map((s, k) => (
            <StopRow
              key={s.jobId}
              stop={s}
              index={k}
              route={r}
              plan={plan}
              locked={locked}
              onMove={props.onMove}
              onGive={props.onGive}
              onRemove={props.onRemove}
            />
          ))}
        </ol>
      )}
    </li>
  );
}

function StopRow(props: {
  stop: PlanStop;
  index: number;
  route: PlanRoute;
  plan: Plan;
  locked: boolean;
  onMove: (courierId: string, index: number, delta: number) => void;
  onGive: (jobId: string, courierId: string) => void;
  onRemove: (jobId: string) => void;
}) {
  const { t } = useTranslation('plans');
  const { stop: s, index: k, route: r, plan, locked } = props;
  const fixedCount = r.stops.filter((x) => x.fixed).length;
  const broken = s.violations.length > 0;
  return (
    <li
      className={`${styles.stop} ${broken ? styles.broken : ''}`}
      data-testid="plan-stop"
      data-job-id={s.jobId}
      data-broken={broken ? 'true' : 'false'}
    >
      <span className={styles.stopNo} aria-hidden="true">
        {k + 1}
      </span>
      <div className={styles.stopBody}>
        <p>
          <strong>{s.code}</strong> · {t('stop.arrive', { time: hhmm(s.arrival) })} ·{' '}
          {s.windowStart && s.windowEnd
            ? t('stop.window', { from: hhmm(s.windowStart), to: hhmm(s.windowEnd) })
            : t('stop.noWindow')}
          {s.fixed && (
            <>
              {' '}
              <Badge tone="info">{t('stop.fixed')}</Badge>
            </>
          )}
        </p>
        <p>{s.addressText}</p>
        {broken && (
          <p className={styles.violation} role="alert">
            {s.violations.map((v) => t(`violation.${v}`)).join(' · ')}
          </p>
        )}
        {!s.fixed && !locked && (
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.iconButton}
              aria-label={t('stop.up', { code: s.code })}
              disabled={k <= fixedCount}
              onClick={() => props.onMove(r.courierId, k, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className={styles.iconButton}
              aria-label={t('stop.down', { code: s.code })}
              disabled={k === r.stops.length - 1}
              onClick={() => props.onMove(r.courierId, k, 1)}
            >
              ↓
            </button>
            <label className={styles.move}>
              <select
                aria-label={t('stop.moveTo', { code: s.code })}
                value=""
                onChange={(e) => e.target.value && props.onGive(s.jobId, e.target.value)}
              >
                <option value="">{t('stop.moveToPlaceholder')}</option>
                {plan.routes
                  .filter((c) => c.courierId !== r.courierId)
                  .map((c) => (
                    <option key={c.courierId} value={c.courierId}>
                      {c.courierName}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              className={styles.iconButton}
              aria-label={t('stop.remove', { code: s.code })}
              onClick={() => props.onRemove(s.jobId)}
            >
              ✕
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
