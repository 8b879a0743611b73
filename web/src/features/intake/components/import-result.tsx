import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { buttonClassName, Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';

import type { ImportCommit, ImportPreview } from '../api/imports.api';
import { ImportCounts } from './import-counts';
import styles from './intake.module.css';
import { RowsTable } from './rows-table';

/** After the commit: what was written, where to see it, and the rows to fix. */
export function ImportResult({
  preview,
  result,
  boardHref,
  onAgain,
}: {
  preview: ImportPreview;
  result: ImportCommit;
  /** The dispatch board, for those who have one. */
  boardHref?: string | undefined;
  onAgain: () => void;
}) {
  const { t } = useTranslation('intake');
  const refused = result.items.filter((i) => i.outcome === 'refused');
  return (
    <div className={styles.stack}>
      <Alert tone="success">
        <p>
          <strong>{t('done.title')}</strong>
        </p>
        <p>
          {t('done.summary', {
            name: result.import.fileName ?? preview.fileName,
            ...result.counts,
          })}
        </p>
      </Alert>
      <ImportCounts counts={result.counts} tense="done" />
      <div className={styles.row}>
        {boardHref && (
          <Link className={buttonClassName('primary')} to={boardHref}>
            {t('done.toBoard')}
          </Link>
        )}
        <Button variant="secondary" onClick={onAgain}>
          {t('done.again')}
        </Button>
      </div>
      {refused.length > 0 && (
        <>
          <h3>{t('done.refusedTitle')}</h3>
          <RowsTable rows={refused} label={t('done.refusedTitle')} filter={false} />
        </>
      )}
    </div>
  );
}
