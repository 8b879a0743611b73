import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { cx } from '@/lib/cx';

import { Button } from './button';
import styles from './feedback.module.css';

type Tone = 'info' | 'warning' | 'danger' | 'success';

export type AlertProps = {
  tone?: Tone;
  children: ReactNode;
  className?: string;
};

/**
 * A message box. Danger alerts use role="alert" so errors are announced the moment they appear;
 * the others are polite status messages.
 */
export function Alert({ tone = 'info', children, className }: AlertProps) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx(styles.alert, styles[tone], className)}
    >
      <div>{children}</div>
    </div>
  );
}

export type BadgeProps = {
  tone?: Tone | 'neutral';
  children: ReactNode;
};

/** A short label such as a status; colour is never the only signal, the text is. */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return <span className={cx(styles.badge, styles[tone])}>{children}</span>;
}

export type EmptyStateProps = {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  /** Heading level that fits the surrounding outline. */
  headingLevel?: 2 | 3;
};

/** What a screen shows when there is nothing yet, saying why and what to do. */
export function EmptyState({ title, children, icon, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={styles.empty}>
      {icon && (
        <span className={styles.emptyIcon} aria-hidden="true">
          {icon}
        </span>
      )}
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}

export type LoadingStateProps = {
  label?: string;
  /** Centre on the page, for whole-screen waits such as the session check. */
  fullPage?: boolean;
};

/** A spinner with text, announced politely. */
export function LoadingState({ label, fullPage = false }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <div className={cx(styles.loading, fullPage && styles.fullPage)} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export type ErrorStateProps = {
  error: unknown;
  /** Offered as a "try again" button when given. */
  onRetry?: () => void;
};

/** Shows a failed request's message, with a retry when one makes sense. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const message = error instanceof Error && error.message ? error.message : t('errors.generic');
  return (
    <Alert tone="danger">
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} style={{ marginTop: 'var(--space-2)' }}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
