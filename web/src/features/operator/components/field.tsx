import type { ReactNode } from 'react';

import { SelectOptions, type SelectOption } from '@/components/ui/select-options';

import styles from './operator-console.module.css';

/** A labelled form field of the console: the label text above its control (and any hint). */
export function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** One choice of a `SelectField`. */
export type { SelectOption };

/** A labelled select; `placeholder` is an empty first choice, `children` follow the select. */
export function SelectField(props: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { label, value, onChange, options, placeholder } = props;
  return (
    <Field label={label}>
      <select
        id={props.id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={props.disabled}
      >
        <SelectOptions options={options} placeholder={placeholder} />
      </select>
      {props.children}
    </Field>
  );
}
