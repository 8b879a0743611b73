import type { Plan, PlanRoute, PlanStop } from '@tannha/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

import { Badge } from '@/components/ui/feedback';

import type { StopActions } from '../hooks/use-plan-editor';
import { CourierSelect } from './courier-select';
import { hhmm, km } from './plan-format';
import styles from './plans.module.css';

/** One courier's route: unit, stops, distance, load, time span, then the stops in order. */
export function RouteCard(props: {
  route: PlanRoute;
  colour: string;
  plan: Plan;
  /** No edits: the plan is committed or a request is running. */
  locked: boolean;
  actions: StopActions;
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
              actions={props.actions}
            />
          ))}
        </ol>
      )}
    </li>
  );
}

/** One stop: number, code, arrival, window, broken rules, and the dispatcher's moves. */
function StopRow(props: {
  stop: PlanStop;
  index: number;
  route: PlanRoute;
  plan: Plan;
  locked: boolean;
  actions: StopActions;
}) {
  const { t } = useTranslation('plans');
  const { stop: s, index: k, route: r, plan, locked } = props;
  const { onMove, onGive, onRemove } = props.actions;
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
              onClick={() => onMove(r.courierId, k, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className={styles.iconButton}
              aria-label={t('stop.down', { code: s.code })}
              disabled={k === r.stops.length - 1}
              onClick={() => onMove(r.courierId, k, 1)}
            >
              ↓
            </button>
            <CourierSelect
              label={t('stop.moveTo', { code: s.code })}
              routes={plan.routes.filter((c) => c.courierId !== r.courierId)}
              courierIds={s.courierIds}
              onPick={(courierId) => onGive(s.jobId, courierId)}
            />
            <button
              type="button"
              className={styles.iconButton}
              aria-label={t('stop.remove', { code: s.code })}
              onClick={() => onRemove(s.jobId)}
            >
              ✕
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
