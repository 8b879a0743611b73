import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers for a query (Nominatim's `format=jsonv2` rows), by query text. */
const PLACES: Record<string, { display_name: string; lat: string; lon: string }[]> = {
  '96 cach mang thang tam': [
    {
      display_name: '96, Cách Mạng Tháng Tám, Phường Trấn Biên, Đồng Nai, Việt Nam',
      lat: '10.9512',
      lon: '106.8226',
    },
    {
      display_name: 'Cách Mạng Tháng Tám, Phường Biên Hoà, Đồng Nai, Việt Nam',
      lat: '10.9489',
      lon: '106.8172',
    },
  ],
};

export type FakeGeocoder = {
  /** The base URL to put in GEOCODER_URL. */
  url: string;
  /** Every request it got: path, query and headers. */
  requests: { path: string; query: URLSearchParams; headers: IncomingHttpHeaders }[];
  /** Makes it answer normally, fail (500) or answer too late from now on. */
  setMode: (mode: GeocoderMode) => void;
  close: () => Promise<void>;
};

export type GeocoderMode = 'ok' | 'error' | 'slow';

/**
 * A small Nominatim-compatible geocoder on a free port: `/search?q=` answers from a fixed
 * table (an unknown address gets `[]`). `mode` makes it fail: `error` answers 500, `slow`
 * waits `delayMs` (default 5 s) before answering.
 */
export async function startFakeGeocoder(
  opts: { mode?: GeocoderMode; delayMs?: number } = {},
): Promise<FakeGeocoder> {
  const requests: FakeGeocoder['requests'] = [];
  let mode = opts.mode ?? 'ok';
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    requests.push({ path: u.pathname, query: u.searchParams, headers: req.headers });
    const answer = () => {
      if (mode === 'error' || u.pathname !== '/search') {
        res.writeHead(mode === 'error' ? 500 : 404).end();
        return;
      }
      const q = (u.searchParams.get('q') ?? '').toLowerCase();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(PLACES[q] ?? []));
    };
    if (mode === 'slow') setTimeout(answer, opts.delayMs ?? 5000).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setMode: (m) => {
      mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
