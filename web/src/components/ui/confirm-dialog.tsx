import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from './button';
import styles from './confirm-dialog.module.css';

export type ConfirmDialogProps = {
  /** The question, naming what goes: "Xoá ngày nghỉ 02/09/2026 (Quốc khánh)?" */
  title: string;
  /** What follows from it, e.g. that it cannot be undone. */
  children?: ReactNode;
  /** The button that does it, saying what it does ("Xoá", "Khoá tài khoản"). */
  confirmLabel: string;
  onConfirm: () => void;
  /** Closing by Cancel, Esc or the backdrop: nothing changes. */
  onCancel: () => void;
  busy?: boolean;
};

/**
 * A modal question before a destructive action. The native `<dialog>` keeps focus inside
 * and closes on Esc; focus starts on Cancel so an unthinking Enter changes nothing.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      className={styles.dialog}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className={styles.title}>
        {title}
      </h2>
      {children && (
        <div id={`${id}-body`} className={styles.body}>
          {children}
        </div>
      )}
      <div className={styles.actions}>
        <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
          {t('dialog.cancel')}
        </Button>
        <Button disabled={busy} className={styles.danger} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
