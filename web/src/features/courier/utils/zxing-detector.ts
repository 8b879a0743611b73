import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// The reader's WebAssembly as a file of this build (hashed under /assets), never a CDN.
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

import type { CodeDetector, CodeFormat } from './code-detector';

/**
 * One overrides object for the life of the page: the library compares overrides by identity
 * of their members, so passing the same object again keeps the compiled module.
 */
const OVERRIDES = Object.freeze({
  locateFile: (path: string, prefix: string) =>
    path.endsWith('.wasm') ? readerWasmUrl : prefix + path,
});

/**
 * The ZXing polyfill, its `.wasm` fetched from the app's origin and compiled now, so a
 * missing or blocked file fails here (the scanner says so) instead of on every frame.
 */
export async function createZxingDetector(formats: readonly CodeFormat[]): Promise<CodeDetector> {
  await prepareZXingModule({ overrides: OVERRIDES, fireImmediately: true });
  const detector = new BarcodeDetector({ formats: [...formats] });
  return { kind: 'zxing', detect: (source) => detector.detect(source) };
}
