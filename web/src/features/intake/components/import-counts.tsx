import { useTranslation } from 'react-i18next';

import type { ImportCounts as Counts, RowOutcome } from '../api/imports.api';
import styles from './intake.module.css';

const OUTCOMES: RowOutcome[] = ['created', 'updated', 'unchanged', 'refused'];

/** The four counts of a batch, as a preview ("sẽ tạo") or after the commit ("đã tạo"). */
export function ImportCounts({ counts, tense }: { counts: Counts; tense: 'preview' | 'done' }) {
  const { t, i18n } = useTranslation('intake');
  return (
    <dl className={styles.counts} aria-label={t('counts.label')}>
      {OUTCOMES.map((o) => (
        <div key={o} className={styles.count} data-outcome={o}>
          <dt>{t(`counts.${tense}.${o}`)}</dt>
          <dd>{counts[o].toLocaleString(i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}
