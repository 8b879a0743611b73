import { ApiError } from '@/lib/api-client';
import { currentLocale, i18n } from '@/lib/i18n';

/** What {@link uploadFile} needs besides the file. */
export type UploadOptions = {
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Called with the share of the file sent so far, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Aborts the upload (the user cancelled or left the screen). */
  signal?: AbortSignal;
};

function errorOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    if (body.error?.code && body.error.message)
      return new ApiError(status, body.error.code, body.error.message, body.error.fields);
  } catch {
    // Not our error shape (a proxy's page): fall through to the generic message.
  }
  return new ApiError(status, 'http_error', i18n.t('errors.unexpected', { status }));
}

/**
 * POSTs a file as the raw request body and resolves with the JSON answer. XMLHttpRequest, not
 * fetch, because only it reports upload progress, which a 20 MB export needs to show.
 */
export function uploadFile<T>(url: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    for (const [name, value] of Object.entries(options.headers ?? {}))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300)
        return reject(errorOf(xhr.status, xhr.responseText));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(errorOf(xhr.status, ''));
      }
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
