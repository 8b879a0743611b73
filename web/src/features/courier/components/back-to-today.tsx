import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import styles from './courier.module.css';

/** The way back to the day's list, at the top of a courier screen opened from it. */
export function BackToToday() {
  const { t } = useTranslation('courier');
  return (
    <p>
      <Link to="/courier" className={styles.linkButton}>
        {t('job.back')}
      </Link>
    </p>
  );
}
