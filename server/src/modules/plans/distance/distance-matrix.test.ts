import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildMatrix,
  createMatrixCache,
  greatCircleMatrix,
  haversineMetres,
  type LatLng,
} from './distance-matrix';

// Around Hoàn Kiếm lake, Hà Nội.
const points: LatLng[] = [
  { lat: 21.0285, lng: 105.8542 },
  { lat: 21.0385, lng: 105.8542 },
  { lat: 21.0285, lng: 105.8642 },
];

/** A stand-in router: distance = 1000·|i−j| + 7, duration = 100·|i−j| + 3, by coordinate order. */
function fakeRouter(): {
  server: Server;
  requests: string[];
  mode: { fail: 'none' | 'http' | 'code' };
} {
  const requests: string[] = [];
  const mode = { fail: 'none' as 'none' | 'http' | 'code' };
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '', 'http://x');
    const coords = url.pathname.replace('/table/v1/driving/', '').split(';');
    // Coordinates identify points by their longitude offset (see `line` below).
    const ids = coords.map((c) => Math.round((Number(c.split(',')[0]) - 105) * 1000));
    const pick = (name: string): number[] =>
      url.searchParams.get(name)?.split(';').map(Number) ?? ids.map((_, k) => k);
    const src = pick('sources').map((k) => ids[k]!);
    const dst = pick('destinations').map((k) => ids[k]!);
    if (mode.fail === 'http') {
      res.statusCode = 500;
      res.end('boom');
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (mode.fail === 'code') {
      res.end(JSON.stringify({ code: 'TooBig', message: 'Too many table coordinates' }));
      return;
    }
    res.end(
      JSON.stringify({
        code: 'Ok',
        distances: src.map((a) =>
          dst.map((b) => (a === 2 && b === 0 ? null : 1000 * Math.abs(a - b) + 7.4)),
        ),
        durations: src.map((a) => dst.map((b) => 100 * Math.abs(a - b) + 3.2)),
      }),
    );
  });
  return { server, requests, mode };
}

/** n points on a parallel whose longitude encodes their index for the fake router. */
const line = (n: number): LatLng[] =>
  Array.from({ length: n }, (_, i) => ({ lat: 21, lng: 105 + i / 1000 }));

describe('haversineMetres', () => {
  it('measures a thousandth of a degree of latitude as about 111 m', () => {
    expect(haversineMetres(points[0]!, points[1]!)).toBeCloseTo(1111.95, 1);
  });
});

describe('buildMatrix without a router', () => {
  it('scales great-circle distance by the road factor and converts it at the average speed', async () => {
    const m = await buildMatrix(points);
    expect(m.source).toBe('great_circle');
    expect(m.distance[0]![1]).toBe(Math.round(1111.95 * 1.3));
    expect(m.time[0]![1]).toBe(Math.round(m.distance[0]![1]! / (20 / 3.6)));
    expect(m.distance[1]![1]).toBe(0);
  });

  it('takes the road factor and speed as parameters', async () => {
    const m = await buildMatrix(points, { roadFactor: 1, speedKmh: 36 });
    expect(m.distance[0]![1]).toBe(1112);
    expect(m.time[0]![1]).toBe(111);
  });

  it('rejects impossible coordinates', async () => {
    await expect(buildMatrix([{ lat: 95, lng: 0 }])).rejects.toThrow(/invalid coordinate/);
  });
});

describe('buildMatrix with an OSRM-compatible router', () => {
  const router = fakeRouter();
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((r) => router.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(router.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    router.server.close();
  });
  let cache = createMatrixCache();
  beforeEach(() => {
    cache = createMatrixCache();
    router.requests.length = 0;
    router.mode.fail = 'none';
  });

  it('asks the table service with lon,lat pairs and both annotations', async () => {
    const m = await buildMatrix(line(3), { osrmUrl: `${url}/`, cache });
    expect(router.requests).toEqual([
      '/table/v1/driving/105.000000,21.000000;105.001000,21.000000;105.002000,21.000000' +
        '?annotations=distance,duration',
    ]);
    expect(m.source).toBe('osrm');
    expect(m.distance[0]).toEqual([0, 1007, 2007]);
    expect(m.time[1]).toEqual([103, 0, 103]);
  });

  it('estimates only the pairs the router could not route', async () => {
    const m = await buildMatrix(line(3), { osrmUrl: url, cache });
    expect(m.distance[2]![0]).toBe(greatCircleMatrix(line(3)).distance[2]![0]);
    expect(m.distance[2]![1]).toBe(1007);
  });

  it('memoises by coordinate list', async () => {
    await buildMatrix(line(3), { osrmUrl: url, cache });
    const again = await buildMatrix(line(3), { osrmUrl: url, cache });
    again.distance[0]![1] = -1; // callers get their own copy
    const third = await buildMatrix(line(3), { osrmUrl: url, cache });
    expect(router.requests).toHaveLength(1);
    expect(third.distance[0]![1]).toBe(1007);
    await buildMatrix(line(4), { osrmUrl: url, cache });
    expect(router.requests).toHaveLength(2);
  });

  it('splits a list longer than the router accepts into source/destination blocks', async () => {
    const m = await buildMatrix(line(6), { osrmUrl: url, maxTableSize: 4, cache });
    expect(router.requests).toHaveLength(9);
    expect(router.requests[1]).toContain('&sources=0;1&destinations=2;3');
    expect(m.distance[0]![5]).toBe(5007);
    expect(m.distance[4]![1]).toBe(3007);
    expect(m.time[5]![3]).toBe(203);
  });

  it('falls back to the estimate and says so when the router fails', async () => {
    router.mode.fail = 'http';
    const failed = await buildMatrix(line(3), { osrmUrl: url, cache });
    expect(failed).toMatchObject({
      source: 'great_circle',
      fallbackReason: 'router answered HTTP 500',
    });
    expect(failed.distance).toEqual(greatCircleMatrix(line(3)).distance);
    router.mode.fail = 'code';
    const refused = await buildMatrix(line(3), { osrmUrl: url, cache });
    expect(refused.fallbackReason).toMatch(/TooBig/);
    router.mode.fail = 'none';
    expect((await buildMatrix(line(3), { osrmUrl: url, cache })).source).toBe('osrm');
  });

  it('falls back when nothing listens at the URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const m = await buildMatrix(line(3), { osrmUrl: `http://127.0.0.1:${port}` });
    expect(m.source).toBe('great_circle');
    expect(m.fallbackReason).toBeTruthy();
  });
});
