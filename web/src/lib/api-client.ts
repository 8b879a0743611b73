import type { ApiErrorBody } from '@tannha/shared';

import { currentLocale, i18n } from './i18n';

/** A failed API call, carrying the server's stable error code and per-field messages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  /** Machine-readable id such as `invalid_credentials` or `validation_failed`. */
  readonly code: string;
  /** Messages keyed by request field, present on validation failures. */
  readonly fields: Record<string, string> | undefined;
  /** Seconds the server asks to wait before trying again (`Retry-After` on 429 and 503). */
  retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Query-string values; `undefined` entries are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

export type RequestOptions = {
  /** Sent as JSON. */
  body?: unknown;
  /** Appended to the path as a query string. */
  query?: QueryParams;
  /** Lets React Query cancel requests that are no longer wanted. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

// These answer 401 as part of their normal contract (wrong password, nobody logged in, logging
// out of a session that already ended); on every other endpoint a 401 means the session ended
// while the user was working.
const SESSION_PROBES = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  '/api/me',
  '/api/auth/session',
]);

let unauthorizedHandler: (() => void) | undefined;

/**
 * Registers what happens when the session expires mid-use (the app clears the cached user and
 * sends the user to the login page). Returns a function that unregisters it.
 */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

function withQuery(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const error = await readApiError(response);
  const wait = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(wait) && wait > 0) error.retryAfterSeconds = wait;
  return error;
}

async function readApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(response.status, code, message, fields);
  }
  // A proxy or a crashed server answers without our error shape.
  return new ApiError(
    response.status,
    'http_error',
    i18n.t('errors.unexpected', { status: response.status }),
  );
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    ...options.headers,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // A cancelled request is not a network failure; React Query expects the abort to surface.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  if (response.status === 401 && !SESSION_PROBES.has(path)) unauthorizedHandler?.();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Thin JSON client for the same-origin API; throws `ApiError` on any non-2xx answer. */
export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => request<T>('POST', path, options),
  put: <T>(path: string, options?: RequestOptions) => request<T>('PUT', path, options),
  patch: <T>(path: string, options?: RequestOptions) => request<T>('PATCH', path, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
