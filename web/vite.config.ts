import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

import { zxingWasmSelfHostedPlugin } from './pwa/zxing-wasm-plugin';

// The API, socket.io and the built app share one port in production; in development the
// Vite server forwards the same paths so cookies stay same-origin.
const apiTarget = 'http://localhost:3000';

// Resolved from this file, not from the working directory, so the config behaves the same
// whether Vite runs from web/ or from the repository root.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * The service worker (pwa/sw.ts) built by vite-plugin-pwa with this build's file list: the
 * whole app shell, so the courier screens open with no network. Registered by the courier
 * screens themselves (no injected script), asking before a new version takes over.
 */
const serviceWorker = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'pwa',
  filename: 'sw.ts',
  injectRegister: false,
  registerType: 'prompt',
  // The manifest is the hand-written public/manifest.webmanifest.
  manifest: false,
  injectManifest: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
  },
});

/**
 * Brotli and gzip twins of every text file, written at build so the server sends them
 * without compressing on each request (express-static-gzip picks one by Accept-Encoding).
 */
const precompressed = compression({
  algorithms: ['brotliCompress', 'gzip'],
  include: /\.(js|mjs|css|html|svg|json|webmanifest|wasm|txt)$/,
  exclude: /\.map$/,
  threshold: 1024,
  skipIfLargerOrEqual: true,
});

export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorker, zxingWasmSelfHostedPlugin(), precompressed],
  resolve: {
    // `@/lib/…` instead of `../../../lib/…`; mirrored by `paths` in tsconfig.json.
    alias: [{ find: /^@\//, replacement: `${webRoot}src/` }],
  },
  server: {
    proxy: {
      // Host stays the dev server's, so the API's same-origin check on writes accepts the
      // browser's Origin (http://localhost:5173).
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps are written for whoever debugs a build, but not linked from the bundles; the server
    // refuses *.map anyway, so the source never goes public.
    sourcemap: 'hidden',
    rollupOptions: {
      treeshake: {
        // The shared package's modules only declare (schemas, helpers): a page that uses one
        // helper does not pull every schema, nor zod with them, into its first load.
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id),
      },
    },
  },
});
