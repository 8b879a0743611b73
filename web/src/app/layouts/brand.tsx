import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import styles from './layouts.module.css';

/** Product name linking home; the mark is decorative. */
export function Brand({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className={styles.brand}>
      <svg
        className={styles.brandMark}
        width="28"
        height="28"
        viewBox="0 0 64 64"
        aria-hidden="true"
      >
        <rect width="64" height="64" rx="14" fill="#fff" />
        <path d="M14 34 32 18l18 16v14a2 2 0 0 1-2 2H16a2 2 0 0 1-2-2z" fill="#0b5394" />
      </svg>
      <span>{t('app.name')}</span>
    </Link>
  );
}
