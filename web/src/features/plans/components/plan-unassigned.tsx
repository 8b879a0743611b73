import type { Plan } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Section } from '@/components/ui/page';

import { CourierSelect } from './courier-select';
import { hhmm } from './plan-format';
import styles from './plans.module.css';

/** Jobs the solver left out, with why, and (where a courier could take them) a courier picker. */
export function PlanUnassigned({
  plan,
  committed,
  busy,
  onGive,
}: {
  plan: Plan;
  committed: boolean;
  busy: boolean;
  onGive: (jobId: string, courierId: string) => void;
}) {
  const { t } = useTranslation('plans');
  return (
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
              {!committed && u.courierIds.length > 0 && (
                <div className={styles.actions}>
                  <CourierSelect
                    label={t('unassigned.add', { code: u.code })}
                    routes={plan.routes}
                    courierIds={u.courierIds}
                    disabled={busy}
                    onPick={(courierId) => onGive(u.jobId, courierId)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
