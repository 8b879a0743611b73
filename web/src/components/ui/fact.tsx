import type { ReactNode } from 'react';

export type FactProps = {
  /** What the detail is, e.g. "Payer". */
  term: ReactNode;
  children: ReactNode;
  /** Lets a test find the detail where its text is not known in advance. */
  detailTestId?: string;
};

/**
 * One term and its detail inside a `<dl>`, wrapped in a `<div>` so the list's style can lay each
 * pair out as a row (a receipt line, an account detail).
 */
export function Fact({ term, children, detailTestId }: FactProps) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={detailTestId}>{children}</dd>
    </div>
  );
}
