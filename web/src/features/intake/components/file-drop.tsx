import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { cx } from '@/lib/cx';

import styles from './intake.module.css';

/** Bytes as people read a file size: `850 KB`, `4,2 MB`. */
function fileSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
}

export type FileDropProps = {
  file: File | null;
  onFile: (file: File | null) => void;
  disabled?: boolean;
};

/** A file field that also takes a file dropped on it; the input stays the accessible way in. */
export function FileDrop({ file, onFile, disabled = false }: FileDropProps) {
  const { t, i18n } = useTranslation('intake');
  const id = useId();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Starting over empties the field: it must not show a file no longer in use, and choosing the
  // same file again (after fixing it) must fire a change again.
  useEffect(() => {
    if (!file && input.current) input.current.value = '';
  }, [file]);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFile(e.dataTransfer.files[0] ?? null);
  };
  return (
    <div
      className={cx(styles.drop, over && styles.dropActive)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(!disabled);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className={styles.dropLabel}>
        {t('import.file')}
      </label>
      <span className={styles.muted}>{t('import.drop')}</span>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      {file && (
        <span role="status">
          {t('import.chosen', { name: file.name, size: fileSize(file.size, i18n.language) })}
        </span>
      )}
    </div>
  );
}
