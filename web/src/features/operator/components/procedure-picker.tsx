import type { Procedure } from '@tannha/shared';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { formatMoney } from '@/lib/format';

import { MIN_SEARCH_LENGTH, useProcedurePicker } from '../api/procedure-picker.api';
import styles from './operator-console.module.css';

const DEBOUNCE_MS = 200;

/**
 * A combobox over the catalogue (ARIA combobox with `aria-activedescendant`): the first
 * answer is highlighted, Enter picks the highlighted one, ↑↓ move the highlight — as the
 * placeholder says.
 */
export function ProcedurePicker({
  query,
  selected,
  onQuery,
  onPick,
}: {
  query: string;
  selected: { id: string; name: string } | null;
  onQuery: (q: string) => void;
  onPick: (p: Procedure | null) => void;
}) {
  const { t } = useTranslation('operator');
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const results = useProcedurePicker(debounced);
  const items = debounced.length >= MIN_SEARCH_LENGTH ? (results.data ?? []) : [];
  // New answers may be fewer than before: the highlight stays on an answer that exists.
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));
  const current = items[activeIndex];
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && !e.ctrlKey && current) {
      e.preventDefault();
      onPick(current);
    }
  };
  return (
    <div className={styles.field}>
      <label htmlFor="job-procedure">{t('job.procedure')}</label>
      {selected && (
        <p className={styles.selected}>
          {selected.name}{' '}
          <Button variant="ghost" onClick={() => onPick(null)}>
            {t('job.changeProcedure')}
          </Button>
        </p>
      )}
      <input
        id="job-procedure"
        value={query}
        placeholder={t('job.procedurePlaceholder')}
        autoComplete="off"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="job-procedure-list"
        aria-activedescendant={current ? `proc-${current.id}` : undefined}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {items.length > 0 && (
        <ul id="job-procedure-list" role="listbox" className={styles.options}>
          {items.map((p, i) => (
            <ProcedureOption
              key={p.id}
              procedure={p}
              selected={i === activeIndex}
              active={i === activeIndex}
              onPick={onPick}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One answer of the picker: name, fee and postal charge, processing days. */
function ProcedureOption({
  procedure: p,
  selected,
  active,
  onPick,
}: {
  procedure: Procedure;
  selected: boolean;
  active: boolean;
  onPick: (p: Procedure) => void;
}) {
  const { t } = useTranslation('operator');
  return (
    <li
      id={`proc-${p.id}`}
      role="option"
      aria-selected={selected}
      className={active ? styles.optionActive : undefined}
      onMouseDown={(e) => {
        e.preventDefault();
        onPick(p);
      }}
    >
      <span>{p.name}</span>
      <span className={styles.muted}>
        {formatMoney(p.feeVnd)} + {formatMoney(p.postalChargeVnd)} ·{' '}
        {t('job.days', { count: p.processingDays })}
        {p.inPersonOnly && (
          <>
            {' '}
            · <strong className={styles.warn}>{t('job.inPersonOnly')}</strong>
          </>
        )}
      </span>
    </li>
  );
}
