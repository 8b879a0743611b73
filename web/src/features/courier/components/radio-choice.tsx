import styles from './courier.module.css';

/** A fieldset of radio buttons, one per option, for a choice made with the thumb. */
export function RadioChoice<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  /** The radio group's `name`. */
  name: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return (
    <fieldset className={styles.choice}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
