import { useId, type ReactNode } from 'react';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { cx } from '@/lib/cx';

import styles from './page.module.css';

export type PageProps = {
  /** The page's one h1, also used as the tab title. */
  title: string;
  subtitle?: ReactNode;
  /** Tighter padding for phone screens. */
  compact?: boolean;
  children?: ReactNode;
};

/** A screen's frame: heading, tab title and consistent spacing. */
export function Page({ title, subtitle, compact = false, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <div className={cx(styles.page, compact && styles.compact)}>
      <header className={styles.header}>
        <h1>{title}</h1>
        {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
      </header>
      {children}
    </div>
  );
}

export type SectionProps = {
  title: string;
  /** Short text beside the heading, e.g. a count. */
  aside?: ReactNode;
  children: ReactNode;
};

/** A titled card within a page. */
export function Section({ title, aside, children }: SectionProps) {
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHeader}>
        <h2 id={headingId}>{title}</h2>
        {aside && <p>{aside}</p>}
      </div>
      {children}
    </section>
  );
}
