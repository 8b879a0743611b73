/**
 * Finding codes in camera frames: the browser's own BarcodeDetector where it reads every
 * format asked for (Chrome on Android), else the ZXing WebAssembly polyfill (iOS Safari,
 * Firefox, desktop Chromium), loaded only when a scanner first opens so the courier's first
 * load does not grow.
 */

/** Formats named as the Barcode Detection API names them (the polyfill uses the same names). */
export type CodeFormat = 'qr_code' | 'code_128' | 'code_39' | 'data_matrix' | 'pdf417' | 'ean_13';

/** What a dossier's result slip or appointment slip may carry. */
export const SLIP_FORMATS: readonly CodeFormat[] = [
  'qr_code',
  'code_128',
  'code_39',
  'data_matrix',
  'pdf417',
];

export type DetectedCode = { rawValue: string; format: string };

export type CodeDetector = {
  /** Which implementation reads the frames (shown to nobody; for tests and support). */
  kind: 'native' | 'zxing';
  /** The codes visible in one frame (a playing video, a canvas, an image). */
  detect: (source: ImageBitmapSource) => Promise<DetectedCode[]>;
};

type NativeDetector = { detect: (source: ImageBitmapSource) => Promise<DetectedCode[]> };
type NativeDetectorClass = {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats: () => Promise<string[]>;
};

function nativeDetectorClass(): NativeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
}

/**
 * A detector for `formats`: the native one if it supports them all (some phones read QR but
 * no 1-D codes), else the polyfill, whose `.wasm` comes from this app's own assets.
 */
export async function createCodeDetector(formats: readonly CodeFormat[]): Promise<CodeDetector> {
  const Native = nativeDetectorClass();
  if (Native) {
    const supported = await Native.getSupportedFormats().catch(() => [] as string[]);
    if (formats.every((f) => supported.includes(f))) {
      const detector = new Native({ formats: [...formats] });
      return { kind: 'native', detect: (source) => detector.detect(source) };
    }
  }
  const { createZxingDetector } = await import('./zxing-detector');
  return createZxingDetector(formats);
}
