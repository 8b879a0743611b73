import type { Plugin } from 'vite';

// The polyfill's default `.wasm` address, a jsDelivr URL with the zxing-wasm version.
const CDN_PREFIX = /https:\/\/fastly\.jsdelivr\.net\/npm\/zxing-wasm@[\d.]+\/dist\/\$\{[^}]+\}\//g;

/**
 * The code scanner's polyfill (barcode-detector) carries a default that fetches its
 * WebAssembly from a CDN. The app always points it at its own copy
 * (`features/courier/utils/zxing-detector.ts`); this removes the CDN address from the
 * bundle as well, so no build can reach outside the app for it (the default becomes the
 * bare file name). The build fails if the package changes and the address is not found.
 */
export function zxingWasmSelfHostedPlugin(): Plugin {
  return {
    name: 'tannha-zxing-wasm-self-hosted',
    enforce: 'pre',
    transform(code, id) {
      if (!/barcode-detector\/dist\/es\/zxing-exported\.js$/.test(id)) return null;
      const stripped = code.replace(CDN_PREFIX, '');
      if (stripped === code)
        this.error(
          'barcode-detector: the default .wasm CDN address was not found; check the plugin',
        );
      return { code: stripped, map: null };
    },
  };
}
