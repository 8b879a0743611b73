import { ApiError } from '@/lib/api-client';

/** One line for a failed request: the server's message and, on validation errors, each field's. */
export function errorText(err: unknown): string | undefined {
  if (!err) return undefined;
  if (err instanceof ApiError) {
    const fields = err.fields ? Object.values(err.fields).join(' · ') : '';
    return fields ? `${err.message} (${fields})` : err.message;
  }
  return (err as Error).message;
}
