import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

import { Button, buttonClassName } from '@/components/ui/button';
import { Alert, ErrorState, LoadingState } from '@/components/ui/feedback';
import { cx } from '@/lib/cx';

import s from './agency-handover.module.css';
import styles from './courier.module.css';

export type RecordSheetProps<T> = {
  /** The record's query (an agency handover, a counter pickup). */
  record: UseQueryResult<T>;
  /** Where "back" goes and what it says. */
  back: { to: string; label: string };
  /** Shown once, right after the record was signed (router state `created`). */
  createdText: (data: T) => string;
  printLabel: string;
  toJobsLabel: string;
  /** The record itself, as it is printed. */
  children: (data: T) => ReactNode;
};

/**
 * A signed record on the courier's phone, on the screen and printed on A4: back link, the
 * "just signed" notice, the record, and the print / back-to-jobs buttons (hidden on paper).
 */
export function RecordSheet<T>({ record, back, ...props }: RecordSheetProps<T>) {
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  let body;
  if (record.isError && !record.data)
    body = <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  else if (!record.data) body = <LoadingState />;
  else
    body = (
      <>
        {created && (
          <Alert tone="success" className={cx(s.noPrint, s.created)}>
            <p>{props.createdText(record.data)}</p>
          </Alert>
        )}
        {props.children(record.data)}
        <div className={cx(s.actions, s.noPrint)}>
          <Button onClick={() => window.print()}>{props.printLabel}</Button>
          <Link to="/courier" className={buttonClassName('secondary')}>
            {props.toJobsLabel}
          </Link>
        </div>
      </>
    );
  return (
    <div className={s.sheet}>
      <p className={s.noPrint}>
        <Link to={back.to} className={styles.linkButton}>
          {back.label}
        </Link>
      </p>
      {body}
    </div>
  );
}
