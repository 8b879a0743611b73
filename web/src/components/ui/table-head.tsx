import type { ReactNode } from 'react';

/** A table's head row: one header cell per column title (`scope` when the table needs it). */
export function TableHead({ columns, scope }: { columns: readonly ReactNode[]; scope?: 'col' }) {
  return (
    <thead>
      <tr>
        {columns.map((title, i) => (
          <th key={i} scope={scope}>
            {title}
          </th>
        ))}
      </tr>
    </thead>
  );
}
