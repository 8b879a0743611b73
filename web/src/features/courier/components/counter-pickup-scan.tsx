import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { cx } from '@/lib/cx';

import type { PickupEntry } from '../hooks/use-pickup-batch';
import { CounterPickupCamera } from './counter-pickup-camera';
import s from './counter-pickup.module.css';
import styles from './courier.module.css';

export type CounterPickupScanProps = {
  entries: PickupEntry[];
  /** Adds what was typed or scanned (one code, or several pasted at once). */
  onCode: (raw: string) => void;
  onRemove: (entry: PickupEntry) => void;
  onRecheck: () => void;
};

/**
 * The code input and the scanned list. A barcode scanner acting as a keyboard types the code
 * and presses Enter, exactly as a courier typing it: both land in `onCode`. The input keeps
 * the focus so the next scan follows. Each line shows ✓ with the citizen and address, ✗ with
 * the reason (that code is not in the batch), or … while the server answers.
 */
export function CounterPickupScan({
  entries,
  onCode,
  onRemove,
  onRecheck,
}: CounterPickupScanProps) {
  const { t } = useTranslation('courier');
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const valid = entries.filter((e) => e.state === 'ok').length;
  const unchecked = entries.some((e) => e.state === 'unchecked');

  const take = (raw: string) => {
    if (raw.trim()) onCode(raw);
    setValue('');
    input.current?.focus();
  };

  return (
    <section className={styles.card} aria-labelledby="counter-scan-h">
      <h2 id="counter-scan-h">{t('counter.scanTitle')}</h2>
      <form
        className={s.scanRow}
        onSubmit={(e) => {
          e.preventDefault();
          take(value);
        }}
      >
        <TextField
          ref={input}
          label={t('counter.codeLabel')}
          value={value}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="enter"
          maxLength={2000}
          data-testid="pickup-code-input"
          aria-describedby="counter-code-hint"
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('counter.add')}
        </Button>
        <CounterPickupCamera onCode={onCode} />
      </form>
      <p id="counter-code-hint" className={styles.muted}>
        {t('counter.codeHint')}
      </p>
      <p className={s.count} data-testid="pickup-valid-count" aria-live="polite">
        {t('counter.validCount', { count: valid })}
      </p>
      {unchecked && (
        <p className={styles.pendingNote}>
          {t('counter.unchecked')}{' '}
          <Button variant="ghost" onClick={onRecheck}>
            {t('counter.recheck')}
          </Button>
        </p>
      )}
      <ul className={s.codes} aria-label={t('counter.listLabel')} data-testid="pickup-codes">
        {entries.map((e) => (
          <CodeLine key={`${e.code}-${e.state}`} entry={e} onRemove={() => onRemove(e)} />
        ))}
      </ul>
    </section>
  );
}

/** One scanned code and its verdict. */
function CodeLine({ entry: e, onRemove }: { entry: PickupEntry; onRemove: () => void }) {
  const { t } = useTranslation('courier');
  const tone = e.state === 'ok' ? s.ok : e.state === 'refused' ? s.refused : s.waiting;
  const mark = e.state === 'ok' ? '✓' : e.state === 'refused' ? '✗' : '…';
  return (
    <li className={cx(s.code, tone)} data-state={e.state} data-code={e.code}>
      <span className={s.mark} aria-hidden="true">
        {mark}
      </span>
      <span className={s.codeText}>
        <strong>{e.code}</strong>
        {e.state === 'ok' && e.job && (
          <>
            <span>{e.job.citizenName}</span>
            <small>{e.job.addressText}</small>
            {e.job.code !== e.code && <small>{e.job.code}</small>}
          </>
        )}
        {e.state === 'refused' && (
          <span className={s.reason} role="alert">
            {t(`counter.reason.${e.reason ?? 'unknown_code'}`)}
          </span>
        )}
        {e.state === 'checking' && <small>{t('counter.checking')}</small>}
        {e.state === 'unchecked' && <small>{t('counter.notChecked')}</small>}
      </span>
      <Button
        variant="ghost"
        onClick={onRemove}
        aria-label={t(e.state === 'refused' ? 'counter.dismissOf' : 'counter.removeOf', {
          code: e.code,
        })}
      >
        {e.state === 'refused' ? t('counter.dismiss') : t('counter.remove')}
      </Button>
    </li>
  );
}
