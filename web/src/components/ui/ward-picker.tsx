import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useWards, type Ward } from '@/lib/queries/places';

import styles from './places.module.css';

const DEBOUNCE_MS = 200;

export type WardPickerProps = {
  /** The chosen ward (code and full name are enough to show it), or null. */
  value: { code: string; fullName: string } | null;
  /** Called with the ward picked from the list, or null once the user types over the choice. */
  onPick: (ward: Ward | null) => void;
  /** The input's id (for focus and tests); one is made up when left out. */
  id?: string;
  /** Shown under the field and tied to it, e.g. "Chọn phường/xã". */
  error?: string | undefined;
  disabled?: boolean;
};

/**
 * A combobox over the province's wards: type (with or without diacritics), arrow through the
 * answers, Enter or a click picks one. Each answer names the post office serving the ward.
 */
export function WardPicker({ value, onPick, error, disabled, ...props }: WardPickerProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = props.id ?? ownId;
  const [query, setQuery] = useState(value?.fullName ?? '');
  // A ward set from outside (a saved address, a restored draft) shows in the box.
  const [shown, setShown] = useState(value?.code);
  if (value?.code !== shown) {
    setShown(value?.code);
    if (value) setQuery(value.fullName);
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const wards = useWards(open ? debounced : '');
  const items = open ? (wards.data ?? []) : [];
  // The highlighted answer is the one Enter picks; it stays on an answer that exists.
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));
  const current = items[activeIndex];
  const listId = `${id}-list`;

  const pick = (ward: Ward) => {
    setQuery(ward.fullName);
    setOpen(false);
    onPick(ward);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // The first ↓ only opens a closed list, on its first answer.
      if (!open) {
        setOpen(true);
        setActive(0);
      } else setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && !e.ctrlKey && open && current) {
      e.preventDefault();
      pick(current);
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {t('places.ward')}
      </label>
      <input
        id={id}
        className={error ? `${styles.input} ${styles.invalid}` : styles.input}
        value={query}
        placeholder={t('places.wardPlaceholder')}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={current ? `${id}-${current.code}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onPick(null);
        }}
        onFocus={() => setOpen(!value)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {items.length > 0 && (
        <ul id={listId} role="listbox" className={styles.options} aria-label={t('places.ward')}>
          {items.map((w, i) => (
            <li
              key={w.code}
              id={`${id}-${w.code}`}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? styles.active : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(w);
              }}
            >
              <span>{w.fullName}</span>
              <span className={styles.muted}>
                {w.office ? t('places.servedBy', { office: w.office.name }) : t('places.noOffice')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && wards.data && items.length === 0 && debounced !== '' && (
        <span className={styles.muted} role="status">
          {t('places.noWard')}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className={styles.error}>
          {error}
        </span>
      )}
    </div>
  );
}
