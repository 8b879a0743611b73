import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Alert, LoadingState } from '@/components/ui/feedback';

import {
  ImportRefused,
  uploadAdminUnits,
  useProvinces,
  type ImportProblem,
  type ImportResult,
} from '../api/admin-units.api';
import { adminKeys } from '../api/admin-keys';
import styles from './admin.module.css';

/** Administrative units: upload a JSON list with progress, see what the system holds. */
export function AdminUnitsImport() {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const provinces = useProvinces();
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; problems: ImportProblem[] } | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError({ message: t('adminUnits.pickFile'), problems: [] });
      return;
    }
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadAdminUnits(file, date || undefined, setProgress));
      void qc.invalidateQueries({ queryKey: adminKeys.divisions() });
    } catch (err) {
      setError({
        message: (err as Error).message,
        problems: err instanceof ImportRefused ? err.problems : [],
      });
    } finally {
      setProgress(null);
    }
  };

  const wardTotal = provinces.data?.reduce((s, p) => s + p.wardCount, 0) ?? 0;
  return (
    <div>
      <p>{t('adminUnits.intro')}</p>
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)}>
        <label className={styles.field}>
          {t('adminUnits.file')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <DateField
          className={styles.field}
          label={t('adminUnits.effectiveDate')}
          value={date}
          onChange={setDate}
        />
        <Button type="submit" disabled={progress !== null}>
          {t('adminUnits.submit')}
        </Button>
      </form>
      {progress !== null && (
        <div className={styles.progress}>
          <progress
            max={1}
            value={progress < 1 ? progress : undefined}
            aria-label={t('adminUnits.submit')}
          />
          <span role="status">
            {progress < 1
              ? t('adminUnits.uploading', { percent: Math.round(progress * 100) })
              : t('adminUnits.processing')}
          </span>
        </div>
      )}
      {result && (
        <Alert tone="success">
          {t('adminUnits.done', {
            date: result.effectiveDate.split('-').reverse().join('/'),
            provinces: result.provinces.inserted + result.provinces.updated,
            pNew: result.provinces.inserted,
            wards: result.wards.inserted + result.wards.updated,
            wNew: result.wards.inserted,
          })}
        </Alert>
      )}
      {error && (
        <Alert tone="danger">
          <p>{error.message}</p>
          {error.problems.length > 1 && (
            <>
              <p>{t('adminUnits.problems')}</p>
              <ul>
                {error.problems.map((p, i) => (
                  <li key={i}>
                    {p.line ? `${t('adminUnits.line', { line: p.line })}: ` : ''}
                    {p.field}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
      <h3>{t('adminUnits.current')}</h3>
      {!provinces.data ? (
        <LoadingState />
      ) : provinces.data.length === 0 ? (
        <p>{t('adminUnits.none')}</p>
      ) : (
        <p>{t('adminUnits.provinces', { count: provinces.data.length, wards: wardTotal })}</p>
      )}
    </div>
  );
}
