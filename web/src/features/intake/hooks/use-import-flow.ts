import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { jobKeys } from '@/lib/queries/jobs';

import {
  commitImport,
  previewImport,
  type ImportCommit,
  type ImportPreview,
} from '../api/imports.api';
import { intakeKeys } from '../api/intake-keys';

/** The server refuses bodies above this; saying so before uploading saves a long wait. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPTED = /\.(csv|xlsx)$/i;

/** Where an upload stands: the file's bytes going up, then the server reading or writing. */
export type Progress = { fraction: number; written: { done: number; total: number } | null };

/** The steps of an import: choose → (upload) → preview → (upload, write) → result. */
export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'previewing'; progress: Progress }
  | { kind: 'preview'; preview: ImportPreview; idempotencyKey: string }
  | { kind: 'committing'; preview: ImportPreview; idempotencyKey: string; progress: Progress }
  | { kind: 'done'; preview: ImportPreview; result: ImportCommit };

const START: Progress = { fraction: 0, written: null };

/**
 * The import's state: the chosen file, the stage and the last error. A preview gets one
 * idempotency key, kept through retries of its commit, so a commit whose answer was lost can be
 * sent again without importing twice.
 */
export function useImportFlow() {
  const { t } = useTranslation('intake');
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const controller = () => {
    abort.current?.abort();
    abort.current = new AbortController();
    return abort.current.signal;
  };

  /** Takes a file the user picked or dropped, refusing what the server would refuse anyway. */
  const choose = (next: File | null) => {
    setError(null);
    setStage({ kind: 'idle' });
    setFile(next);
    if (!next) return;
    if (!ACCEPTED.test(next.name)) setError(t('import.wrongType', { name: next.name }));
    else if (next.size > MAX_BYTES) setError(t('import.tooBig', { name: next.name }));
    else if (next.size === 0) setError(t('import.emptyFile', { name: next.name }));
  };

  const failed = (err: unknown) => {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    setError(t('import.failed', { message: err instanceof Error ? err.message : String(err) }));
  };

  const preview = async () => {
    if (!file || error) return;
    setError(null);
    setStage({ kind: 'previewing', progress: START });
    try {
      const answer = await previewImport(file, {
        signal: controller(),
        onProgress: (fraction) =>
          setStage({ kind: 'previewing', progress: { ...START, fraction } }),
      });
      setStage({ kind: 'preview', preview: answer, idempotencyKey: crypto.randomUUID() });
    } catch (err) {
      setStage({ kind: 'idle' });
      failed(err);
    }
  };

  const commit = async () => {
    if (!file || stage.kind !== 'preview') return;
    const { preview: previewed, idempotencyKey } = stage;
    setError(null);
    const at = (progress: Progress) =>
      setStage({ kind: 'committing', preview: previewed, idempotencyKey, progress });
    at(START);
    try {
      const result = await commitImport(file, idempotencyKey, {
        signal: controller(),
        onProgress: (fraction) => at({ ...START, fraction }),
      });
      setStage({ kind: 'done', preview: previewed, result });
      void qc.invalidateQueries({ queryKey: intakeKeys.imports() });
      void qc.invalidateQueries({ queryKey: jobKeys.all });
    } catch (err) {
      // Back to the preview with the same key: trying again cannot import twice.
      setStage({ kind: 'preview', preview: previewed, idempotencyKey });
      failed(err);
    }
  };

  /** Shows the server's count of rows written so far (the `intake.progress` event). */
  const written = useCallback(
    (done: number, total: number) =>
      setStage((s) =>
        s.kind === 'committing' ? { ...s, progress: { fraction: 1, written: { done, total } } } : s,
      ),
    [],
  );

  const reset = () => {
    abort.current?.abort();
    setFile(null);
    setError(null);
    setStage({ kind: 'idle' });
  };

  return { file, stage, error, choose, preview, commit, written, reset };
}
