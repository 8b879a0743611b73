import type { CitizenHistory as History } from '@tannha/shared';
import { useTranslation } from 'react-i18next';

import { JobLine } from './job-line';
import styles from './operator-console.module.css';

/** The caller's last five jobs, under the call form. */
export function CitizenHistory({ jobs }: { jobs: History['jobs'] }) {
  const { t } = useTranslation('operator');
  return (
    <div className={styles.history}>
      <h3>{t('history.title')}</h3>
      <ul className={styles.compactList}>
        {jobs.slice(0, 5).map((j) => (
          <li key={j.id}>
            <JobLine job={j} />
            {j.procedureName && <span className={styles.muted}> — {j.procedureName}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
