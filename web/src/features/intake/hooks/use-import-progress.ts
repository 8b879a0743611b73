import { useEffect } from 'react';

import { onIntakeProgress } from '@/lib/socket';

/**
 * While a commit sent with `token` runs, passes the server's "rows written so far" to
 * `onWritten`; `null` when no commit is running.
 */
export function useImportProgress(
  token: string | null,
  onWritten: (done: number, total: number) => void,
) {
  useEffect(() => {
    if (token === null) return;
    return onIntakeProgress((p) => {
      if (p.token === undefined || p.token === token) onWritten(p.done, p.total);
    });
  }, [token, onWritten]);
}
