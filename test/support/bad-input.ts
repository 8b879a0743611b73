import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/** Strings that have broken servers: NUL, lone surrogates, huge, impossible dates, markup. */
const NASTY_STRINGS = [
  '\u0000',
  'Nguyễn\u0000Văn',
  '\ud800',
  'a\udfffb',
  '\uffff',
  'x'.repeat(20_000),
  '',
  '   ',
  '2026-02-31',
  '2026-13-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1900-01-01T00:00:00Z',
  '=HYPERLINK("http://evil.example","x")',
  "'; drop table jobs; --",
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  '9'.repeat(400),
];

const NASTY_NUMBERS = [
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1,
  0.5,
  1e21,
  -0,
  2 ** 31,
];

/** One bad value of any JSON type (strings first: most fields are text). */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { $gt: '' }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A body as sent on the wire: the bytes plus the headers that describe them. */
export type RawBody = { label: string; bytes: Buffer; headers: Record<string, string> };

const json = (label: string, value: unknown): RawBody => ({
  label,
  bytes: Buffer.from(JSON.stringify(value) ?? 'null', 'utf8'),
  headers: { 'Content-Type': 'application/json' },
});

/** Nesting far deeper than any schema (a stack-overflow probe). */
const deep = (depth: number): RawBody => ({
  label: `${depth} nested [`,
  bytes: Buffer.from('['.repeat(depth) + ']'.repeat(depth)),
  headers: { 'Content-Type': 'application/json' },
});

/** Bodies whose framing is wrong: charsets, encodings, broken compression, invalid UTF-8. */
function transportFaults(valid: Record<string, unknown>): fc.Arbitrary<RawBody> {
  const bytes = Buffer.from(JSON.stringify(valid));
  return fc.constantFrom<RawBody>(
    {
      label: 'charset=latin1',
      bytes,
      headers: { 'Content-Type': 'application/json; charset=latin1' },
    },
    {
      label: 'Content-Encoding: br',
      bytes,
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'br' },
    },
    {
      label: 'Content-Encoding: unknown',
      bytes,
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'x-unknown' },
    },
    {
      label: 'corrupt gzip',
      bytes: gzipSync(bytes).subarray(0, 12),
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    },
    {
      label: 'invalid UTF-8',
      bytes: Buffer.concat([
        Buffer.from('{"x":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ]),
      headers: { 'Content-Type': 'application/json' },
    },
    {
      label: 'truncated JSON',
      bytes: bytes.subarray(0, Math.max(1, bytes.length - 2)),
      headers: { 'Content-Type': 'application/json' },
    },
    deep(100_000),
  );
}

/**
 * Bad bodies for a route whose valid example is `valid`: arbitrary JSON, the example with one
 * field replaced by a bad value (or one extra field), and faults of the framing itself.
 */
export function badBodies(valid: Record<string, unknown>): fc.Arbitrary<RawBody> {
  const keys = Object.keys(valid);
  const oneFieldBroken = fc
    .tuple(
      keys.length > 0
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, fc.string())
        : fc.string(),
      nastyValue,
    )
    .map(([key, value]) =>
      json(`${key} := ${JSON.stringify(value)?.slice(0, 60)}`, { ...valid, [key]: value }),
    );
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => json('any JSON', v)) },
    { weight: 5, arbitrary: oneFieldBroken },
    { weight: 1, arbitrary: transportFaults(valid) },
  );
}

/**
 * Cases every write endpoint gets whatever the seed: NUL in each text field of the valid
 * example, and each framing fault.
 */
export function badBodyExamples(valid: Record<string, unknown>): RawBody[] {
  const withNul = Object.entries(valid)
    .filter(([, v]) => typeof v === 'string')
    .map(([key, v]) => json(`${key} with NUL`, { ...valid, [key]: `${String(v)}\u0000` }));
  return [...withNul, ...fc.sample(transportFaults(valid), { numRuns: 50, seed: 1 })].filter(
    (b, i, all) => all.findIndex((o) => o.label === b.label) === i,
  );
}
