import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { compressImage } from '../offline/image';
import styles from './courier.module.css';

export type PhotoPickerProps = {
  label: string;
  /** Several pages (scans) or one photo. */
  multiple?: boolean;
  photos: Blob[];
  onChange: (photos: Blob[]) => void;
};

/**
 * Camera capture (`capture="environment"`): each photo is downscaled on the phone; pages can be
 * reordered and removed before they are queued.
 */
export function PhotoPicker({ label, multiple = false, photos, onChange }: PhotoPickerProps) {
  const { t } = useTranslation('courier');
  const id = useId();
  const [busy, setBusy] = useState(false);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((x) => URL.revokeObjectURL(x)), [urls]);

  const move = (i: number, d: -1 | 1) => {
    const next = [...photos];
    const j = i + d;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };

  return (
    <div className={styles.photos}>
      <label htmlFor={id} className={styles.fieldLabel}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        multiple={multiple}
        className={styles.fileInput}
        onChange={async (e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length === 0) return;
          setBusy(true);
          const small = await Promise.all(files.map(compressImage));
          setBusy(false);
          onChange(multiple ? [...photos, ...small] : small.slice(0, 1));
        }}
      />
      {busy && <p className={styles.muted}>{t('photo.compressing')}</p>}
      {photos.length > 0 && (
        <ol className={styles.thumbs}>
          {photos.map((p, i) => (
            <li key={urls[i] ?? i}>
              {p.type === 'application/pdf' ? (
                <span className={styles.pdfThumb}>PDF</span>
              ) : (
                <img src={urls[i]} alt={t('photo.page', { n: i + 1 })} />
              )}
              <span className={styles.muted}>
                {t('photo.size', { kb: Math.round(p.size / 1024) })}
              </span>
              {multiple && (
                <span className={styles.thumbActions}>
                  <Button
                    variant="ghost"
                    aria-label={t('photo.up', { n: i + 1 })}
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    aria-label={t('photo.down', { n: i + 1 })}
                    onClick={() => move(i, 1)}
                    disabled={i === photos.length - 1}
                  >
                    ↓
                  </Button>
                </span>
              )}
              <Button
                variant="ghost"
                aria-label={t('photo.remove', { n: i + 1 })}
                onClick={() => onChange(photos.filter((_, k) => k !== i))}
              >
                ✕
              </Button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
