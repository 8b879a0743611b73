import { useEffect } from 'react';

import { onIntakeProgress } from '@/lib/socket';

/** While `active`, passes the server's "rows written so far" to `onWritten`. */
export function useImportProgress(
  active: boolean,
  onWritten: (done: number, total: number) => void,
) {
  useEffect(() => {
    if (!active) return;
    return onIntakeProgress((p) => onWritten(p.done, p.total));
  }, [active, onWritten]);
}
