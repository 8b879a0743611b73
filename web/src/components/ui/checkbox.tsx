import type { ReactNode } from 'react';

export type CheckboxProps = {
  /** The text beside the box; it is the click target and the box's accessible name. */
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label's class: the screen decides the spacing. */
  className?: string | undefined;
};

/** A checkbox inside its label. */
export function Checkbox({ label, checked, onChange, className }: CheckboxProps) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  );
}
