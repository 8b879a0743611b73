import type { ReactNode } from 'react';

import styles from './admin.module.css';

/**
 * An admin list as a table: one heading per column (`null` for a column without one, e.g. the
 * row's buttons), the rows as children; scrolls sideways on a narrow screen unless `wrap` is off.
 */
export function AdminTable({
  headings,
  wrap = true,
  children,
}: {
  headings: readonly (string | null)[];
  wrap?: boolean;
  /** The `<tr>` rows. */
  children: ReactNode;
}) {
  const table = (
    <table className={styles.table}>
      <thead>
        <tr>{headings.map((h, i) => (h === null ? <th key={i} /> : <th key={i}>{h}</th>))}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrap ? <div className={styles.tableWrap}>{table}</div> : table;
}
