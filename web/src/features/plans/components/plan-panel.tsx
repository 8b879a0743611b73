import { useTranslation } from 'react-i18next';

import { Alert, EmptyState } from '@/components/ui/feedback';

import { usePlanEditor } from '../hooks/use-plan-editor';
import { PlanCommit } from './plan-commit';
import { PlanForm, SolveProgress } from './plan-form';
import { km } from './plan-format';
import { PlanMap, routeColour } from './plan-map';
import { PlanUnassigned } from './plan-unassigned';
import styles from './plans.module.css';
import { RouteCard } from './route-card';

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
  const editor = usePlanEditor(unitId);
  const { plan, committed, busy } = editor;

  return (
    <div className={styles.layout}>
      <div className={styles.side}>
        <PlanForm disabled={busy || !unitId} again={!!plan} onPropose={editor.propose} />
        {editor.solving && <SolveProgress elapsed={editor.elapsed} />}
        {editor.error && <Alert tone="danger">{editor.error}</Alert>}
        {!plan && !editor.solving && <EmptyState title={t('form.label')}>{t('empty')}</EmptyState>}

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
            {editor.saving && <p className={styles.hint}>{t('saving')}</p>}
            {!committed && <PlanCommit plan={plan} editor={editor} />}

            <ul className={styles.routes} aria-label={t('routesLabel')}>
              {plan.routes.map((r, i) => (
                <RouteCard
                  key={r.courierId}
                  route={r}
                  colour={routeColour(i)}
                  plan={plan}
                  locked={committed || busy}
                  actions={editor.actions}
                />
              ))}
            </ul>

            <PlanUnassigned
              plan={plan}
              committed={committed}
              busy={busy}
              onGive={editor.actions.onGive}
            />
          </>
        )}
      </div>
      <PlanMap plan={plan} tileUrl={tileUrl} center={center} />
    </div>
  );
}
