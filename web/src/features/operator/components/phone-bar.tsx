import type { FormEvent, ReactNode, RefObject } from 'react';

import { Button } from '@/components/ui/button';

import { errorText } from '../utils/error-text';
import styles from './operator-console.module.css';

export type PhoneBarProps = {
  /** Names the form and its phone field. */
  label: string;
  /** The shortcut that focuses the field, e.g. `Alt+N`. */
  shortcut: string;
  inputRef: RefObject<HTMLInputElement | null>;
  phone: string;
  onPhoneChange: (phone: string) => void;
  onSubmit: () => void;
  buttonText: string;
  pending: boolean;
  /** The failed request, if any, shown beside the button. */
  error: unknown;
  /** More controls between the phone field and the button. */
  extra?: ReactNode;
  /** A confirmation after the error slot. */
  status?: ReactNode;
};

/** A one-line form around a phone number (simulate a call, log a call by number). */
export function PhoneBar(props: PhoneBarProps) {
  const { label, shortcut, inputRef, phone, onPhoneChange, pending, error } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
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
          onChange={(e) => onPhoneChange(e.target.value)}
          placeholder="0912 345 678"
          inputMode="tel"
          autoComplete="off"
        />
      </label>
      {props.extra}
      <Button type="submit" variant="secondary" disabled={pending || phone.trim() === ''}>
        {props.buttonText}
      </Button>
      {Boolean(error) && (
        <span className={styles.error} role="alert">
          {errorText(error)}
        </span>
      )}
      {props.status}
    </form>
  );
}
