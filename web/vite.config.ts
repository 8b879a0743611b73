import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { serviceWorkerPlugin } from './pwa/service-worker-plugin';
import { zxingWasmSelfHostedPlugin } from './pwa/zxing-wasm-plugin';

// The API, socket.io and the built app share one port in production; in development the
// Vite server forwards the same paths so cookies stay same-origin.
const apiTarget = 'http://localhost:3000';

// Resolved from this file, not from the working directory, so the config behaves the same
// whether Vite runs from web/ or from the repository root.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorkerPlugin(), zxingWasmSelfHostedPlugin()],
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
  },
});
