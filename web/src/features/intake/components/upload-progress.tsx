import { useTranslation } from 'react-i18next';

import type { Progress } from '../hooks/use-import-flow';
import styles from './intake.module.css';

/**
 * The bar of an upload: the share of bytes sent, then what the server is doing — reading the
 * rows (preview) or writing them (commit, with the count when the server reports it).
 */
export function UploadProgress({ progress, writing }: { progress: Progress; writing: boolean }) {
  const { t } = useTranslation('intake');
  const { fraction, written } = progress;
  let label: string;
  let value: number | undefined;
  if (fraction < 1) {
    label = t('import.uploading', { percent: Math.round(fraction * 100) });
    value = fraction;
  } else if (writing && written) {
    label = t('import.writing', { done: written.done, total: written.total });
    value = written.total > 0 ? written.done / written.total : undefined;
  } else {
    label = writing ? t('import.writingAll') : t('import.checking');
  }
  return (
    <div className={styles.progress}>
      <progress max={1} value={value} aria-label={label} />
      <span role="status">{label}</span>
    </div>
  );
}
