import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, apiClient, onUnauthorized } from './api-client';

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiClient', () => {
  it('sends JSON with the session cookie and the UI language', async () => {
    const fetchMock = stubFetch(answer(200, { ok: true }));
    await apiClient.post('/api/things', {
      body: { a: 1 },
      query: { q: 'khai sinh', page: undefined },
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/things?q=khai+sinh');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({
      'Content-Type': 'application/json',
      'Accept-Language': 'vi',
    });
  });

  it('turns the error body into an ApiError with code, message and fields', async () => {
    stubFetch(
      answer(400, {
        error: {
          code: 'validation_failed',
          message: 'Dữ liệu không hợp lệ',
          fields: { username: 'Bắt buộc' },
        },
      }),
    );
    const error = await apiClient.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Dữ liệu không hợp lệ',
      fields: { username: 'Bắt buộc' },
    });
  });

  it('reports a failure without our error shape as http_error', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiClient.get('/api/x')).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
    });
  });

  it('reports an unreachable server as network_error', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(apiClient.get('/api/x')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });

  it('returns undefined for 204', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiClient.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('reports an expired session on ordinary calls but not on login or the session probe', async () => {
    const handler = vi.fn();
    const unregister = onUnauthorized(handler);
    const unauthenticated = { error: { code: 'unauthenticated', message: 'x' } };

    stubFetch(answer(401, unauthenticated));
    await apiClient.get('/api/me').catch(() => undefined);
    stubFetch(answer(401, { error: { code: 'invalid_credentials', message: 'x' } }));
    await apiClient.post('/api/auth/login', { body: {} }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();

    stubFetch(answer(401, unauthenticated));
    await apiClient.get('/api/units').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    unregister();
  });
});
