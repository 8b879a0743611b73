import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { errorText } from '../utils/error-text';
import styles from './operator-console.module.css';

export type PhoneBarProps = {
  /** Locale section of the bar's texts (`<name>.label`, `<name>.button`). */
  name: 'simulate' | 'newCall';
  /** The shortcut that focuses the field, e.g. `Alt+N`. */
  shortcut: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The request the bar sends; its failure is shown beside the button. */
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  /** Sends the number; `clear` empties the field (once the request succeeded). */
  onSubmit: (phone: string, clear: () => void) => void;
  /** More controls between the phone field and the button. */
  extra?: ReactNode;
  /** A confirmation after the error slot. */
  status?: ReactNode;
};

/** A one-line form around a phone number (simulate a call, log a call by number). */
export function PhoneBar({ name, shortcut, inputRef, mutation, ...props }: PhoneBarProps) {
  const { t } = useTranslation('operator');
  const [phone, setPhone] = useState('');
  const label = t(`${name}.label`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(phone, () => setPhone(''));
  };
  return (
    <form className={styles.bar} onSubmit={submit} aria-label={label}>
      <label className={styles.inline}>
        <span>
          {label} <kbd>{shortcut}</kbd>
        </span>
        <input
          ref={inputRef}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="0912 345 678"
          inputMode="tel"
          autoComplete="off"
        />
      </label>
      {props.extra}
      <Button
        type="submit"
        variant="secondary"
        disabled={mutation.isPending || phone.trim() === ''}
      >
        {t(`${name}.button`)}
      </Button>
      {mutation.isError && (
        <span className={styles.error} role="alert">
          {errorText(mutation.error)}
        </span>
      )}
      {props.status}
    </form>
  );
}
