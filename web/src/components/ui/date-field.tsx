import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { cx } from '@/lib/cx';

import styles from './text-field.module.css';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `yyyy-MM-dd` → `dd/MM/yyyy` (empty stays empty). */
export function isoToDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** `dd/MM/yyyy` (or eight digits) → `yyyy-MM-dd`; null when it is not a real date. */
export function dmyToIso(text: string): string | null {
  const t = text.trim();
  const m = DMY.exec(/^\d{8}$/.test(t) ? `${t.slice(0, 2)}/${t.slice(2, 4)}/${t.slice(4)}` : t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type DateFieldProps = {
  /** Visible label. */
  label: string;
  /** The date as `yyyy-MM-dd`, or '' for none. */
  value: string;
  /** Called with a valid `yyyy-MM-dd` inside min/max, or '' when the field is cleared. */
  onChange: (iso: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean;
  name?: string;
  hint?: string | undefined;
  /** An error from the server, shown under the field. */
  error?: string | undefined;
  className?: string | undefined;
};

/**
 * A date people read and type as dd/MM/yyyy whatever the browser's language (a browser's
 * own date input follows its locale and shows 12/02/2026 month first in an English
 * Chromium), with a calendar button that opens the browser's picker. Text that is not a
 * real date, or lies outside min/max, is shown as an error and not passed on.
 */
export function DateField(props: DateFieldProps) {
  const { label, value, onChange, min, max, required, name, hint, error, className } = props;
  const { t } = useTranslation();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => isoToDmy(value));
  const [shown, setShown] = useState(value);
  const [bad, setBad] = useState<string>();
  if (value !== shown) {
    // The value changed from outside (a reset, the calendar): show it.
    setShown(value);
    if (dmyToIso(text) !== value) setText(isoToDmy(value));
    setBad(undefined);
  }
  const accept = (raw: string) => {
    setText(raw);
    if (raw.trim() === '') {
      setBad(undefined);
      setShown('');
      onChange('');
      return;
    }
    const iso = dmyToIso(raw);
    if (!iso) return setBad(t('dateField.invalid'));
    if ((min && iso < min) || (max && iso > max))
      return setBad(
        t('dateField.outOfRange', { min: isoToDmy(min ?? ''), max: isoToDmy(max ?? '') }),
      );
    setBad(undefined);
    setShown(iso);
    onChange(iso);
  };
  const shownError = bad ?? error;
  const hintId = `${id}-hint`;
  const errorId = shownError ? `${id}-error` : undefined;
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <span className={styles.dateRow}>
        <input
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dateField.placeholder')}
          className={cx(styles.input, shownError && styles.invalid)}
          value={text}
          required={required}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={cx(hintId, errorId)}
          onChange={(e) => accept(e.target.value)}
        />
        <button
          type="button"
          className={styles.calendarButton}
          aria-label={t('dateField.calendar', { label })}
          onClick={() => picker.current?.showPicker?.()}
        >
          📅
        </button>
        <input
          ref={picker}
          type="date"
          className={styles.picker}
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          min={min}
          max={max}
          onChange={(e) => accept(isoToDmy(e.target.value))}
        />
      </span>
      <span id={hintId} className={styles.hint}>
        {hint ?? t('dateField.hint')}
      </span>
      {shownError && (
        <span id={errorId} className={styles.error}>
          {shownError}
        </span>
      )}
    </div>
  );
}
