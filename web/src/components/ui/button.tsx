import type { ButtonHTMLAttributes, Ref } from 'react';

import { cx } from '@/lib/cx';

import styles from './button.module.css';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** `primary` for the one main action of a screen, `secondary` for the rest. */
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Stretch to the container's width (phone screens, forms). */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

/** A button at least 44 px high, so it stays usable with a thumb. */
export function Button({
  variant = 'primary',
  block = false,
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(styles.button, styles[variant], block && styles.block, className)}
      {...props}
    />
  );
}

/** Class names for links that look like buttons (navigation that reads as an action). */
export function buttonClassName(variant: ButtonProps['variant'] = 'primary'): string {
  return cx(styles.button, styles[variant]);
}
