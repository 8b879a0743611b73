import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/feedback';
import { formatDateTime } from '@/lib/format';

import type { ImportPreview } from '../api/imports.api';
import { useImportFlow } from '../hooks/use-import-flow';
import { useImportProgress } from '../hooks/use-import-progress';
import { FileDrop } from './file-drop';
import { ImportCounts } from './import-counts';
import { ImportResult } from './import-result';
import styles from './intake.module.css';
import { RowsTable } from './rows-table';
import { UploadProgress } from './upload-progress';

/** "Imported at … by …" when the same file (same SHA-256) went in before. */
function PreviousImports({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('intake');
  const last = preview.previousImports[0];
  if (!last) return null;
  const who = last.createdBy ?? t('import.someone');
  return (
    <Alert tone="warning">
      {t('import.previous', {
        count: preview.previousImports.length,
        when: formatDateTime(last.createdAt),
        who,
      })}
    </Alert>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <p>{t('import.rows', { count: preview.rowsTotal, name: preview.fileName })}</p>
      <PreviousImports preview={preview} />
      <ImportCounts counts={preview.counts} tense="preview" />
      <RowsTable key={preview.fileSha256} rows={preview.rows} label={t('rows.label')} />
    </>
  );
}

/** Upload → preview → commit → result, for one file at a time. */
export function ImportPanel({ boardHref }: { boardHref?: string | undefined }) {
  const { t } = useTranslation('intake');
  const flow = useImportFlow();
  const { stage, file, error } = flow;
  useImportProgress(stage.kind === 'committing' ? stage.idempotencyKey : null, flow.written);
  if (stage.kind === 'done') {
    return (
      <ImportResult
        preview={stage.preview}
        result={stage.result}
        boardHref={boardHref}
        onAgain={flow.reset}
      />
    );
  }
  const busy = stage.kind === 'previewing' || stage.kind === 'committing';
  const previewed = stage.kind === 'preview' || stage.kind === 'committing' ? stage.preview : null;
  const toWrite = previewed ? previewed.counts.created + previewed.counts.updated : 0;
  return (
    <div className={styles.stack}>
      <FileDrop file={file} onFile={flow.choose} disabled={busy} />
      <div className={styles.row}>
        {!previewed && (
          <Button disabled={!file || !!error || busy} onClick={() => void flow.preview()}>
            {t('import.preview')}
          </Button>
        )}
        {previewed && (
          <Button disabled={busy || toWrite === 0} onClick={() => void flow.commit()}>
            {t('import.commitCount', { count: toWrite })}
          </Button>
        )}
        {previewed && !busy && (
          <Button variant="secondary" onClick={flow.reset}>
            {t('import.another')}
          </Button>
        )}
      </div>
      {busy && <UploadProgress progress={stage.progress} writing={stage.kind === 'committing'} />}
      {error && <Alert tone="danger">{error}</Alert>}
      {previewed && toWrite === 0 && !busy && (
        <Alert tone="info">{t('import.nothingToCommit')}</Alert>
      )}
      {previewed && <PreviewView preview={previewed} />}
    </div>
  );
}
