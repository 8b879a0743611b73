import styles from './dashboard.module.css';

/** A column heading; `num` right-aligns it over a column of figures. */
export type Column = string | { label: string; num: true };

/** The `<thead>` of a dashboard table: one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className={styles.num}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** Shorthand for a right-aligned column. */
export const num = (label: string): Column => ({ label, num: true });
