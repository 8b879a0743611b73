import type { ReactNode } from 'react';

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
