import { useTranslation } from 'react-i18next';

import styles from './layouts.module.css';

/** The first tab stop of every frame: jumps past the header to `<main id="main">`. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className={styles.skipLink}>
      {t('app.skipToContent')}
    </a>
  );
}
