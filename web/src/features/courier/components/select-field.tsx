import type { ReactNode } from 'react';

import styles from './courier.module.css';

/** A labelled drop-down in the courier's forms, sized for a thumb. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** The `<option>`s. */
  children: ReactNode;
}) {
  return (
    <>
      <label className={styles.fieldLabel} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {children}
      </select>
    </>
  );
}
