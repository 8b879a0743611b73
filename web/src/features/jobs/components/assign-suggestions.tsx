import type { JobSuggestion } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { currentLocale } from '@/lib/i18n';

import styles from './jobs.module.css';

/** The five best couriers for a job, each with the reason in the user's language. */
export function AssignSuggestions({
  suggestions,
  currentCourierId,
  pending,
  onAssign,
}: {
  suggestions: readonly JobSuggestion[];
  /** The job's courier today (cannot be picked again). */
  currentCourierId: string | undefined;
  pending: boolean;
  onAssign: (courierId: string) => void;
}) {
  const { t } = useTranslation('jobs');
  const locale = currentLocale();
  return (
    <ol className={styles.suggestions}>
      {suggestions.slice(0, 5).map((s) => (
        <li key={s.courier.id} className={styles.suggestion}>
          <span>
            <strong>{s.courier.fullName}</strong>
            <span className={styles.muted}>{s.why[locale]}</span>
          </span>
          <Button
            variant="secondary"
            disabled={pending || s.courier.id === currentCourierId}
            onClick={() => onAssign(s.courier.id)}
            aria-label={t('assign.assignTo', { name: s.courier.fullName })}
          >
            {/* The first word of the spoken name, so a voice user can say what they see. */}
            {t('assign.give')}
          </Button>
        </li>
      ))}
    </ol>
  );
}
