import { TextField, type TextFieldProps } from './text-field';

export type SearchFieldProps = Omit<TextFieldProps, 'type' | 'value' | 'onChange'> & {
  value: string;
  /** Called with the box's text on every keystroke. */
  onValueChange: (value: string) => void;
};

/** A search box that narrows a list as one types; the browser's autofill stays out of it. */
export function SearchField({ value, onValueChange, ...props }: SearchFieldProps) {
  return (
    <TextField
      {...props}
      type="search"
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      autoComplete="off"
    />
  );
}
