import type { Plan } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import type { PlanEditor } from '../hooks/use-plan-editor';
import styles from './plans.module.css';

/** "Commit the plan", then an explicit yes / no before assignments are written. */
export function PlanCommit({ plan, editor }: { plan: Plan; editor: PlanEditor }) {
  const { t } = useTranslation('plans');
  const { busy, confirming, setConfirming } = editor;
  if (!confirming)
    return (
      <Button disabled={busy || plan.totals.stops === 0} onClick={() => setConfirming(true)}>
        {t('commit.button')}
      </Button>
    );
  return (
    <div className={styles.confirm} role="alertdialog" aria-labelledby="plan-confirm-text">
      <p id="plan-confirm-text">
        {t('commit.confirm', {
          stops: plan.totals.stops,
          couriers: plan.totals.couriers,
        })}
      </p>
      <div className={styles.actions}>
        <Button autoFocus disabled={busy} onClick={editor.commitPlan}>
          {t('commit.yes')}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          {t('commit.no')}
        </Button>
      </div>
    </div>
  );
}
