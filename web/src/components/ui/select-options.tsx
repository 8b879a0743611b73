import type { ReactNode } from 'react';

/** One choice of a select. */
export type SelectOption = { value: string; label: ReactNode };

/** Choices named by their record, e.g. units or couriers: the id is the value, the name shown. */
export function namedOptions(items: readonly { id: string; name: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

export type SelectOptionsProps = {
  options: readonly SelectOption[];
  /** An empty first choice, e.g. "All" or "Choose…". */
  placeholder?: string;
};

/** The `<option>`s of a select. */
export function SelectOptions({ options, placeholder }: SelectOptionsProps) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
