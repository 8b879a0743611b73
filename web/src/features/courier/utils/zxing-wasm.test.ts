import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';

describe('the scanner’s WebAssembly file', () => {
  it('is the exact build the polyfill’s JavaScript was made for (served from our assets, it must match)', () => {
    const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(sha256).toBe(ZXING_WASM_SHA256);
  });
});
