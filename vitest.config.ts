import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The web app's `@/…` imports, as web/vite.config.ts resolves them. */
const webSrc = fileURLToPath(new URL('./web/src/', import.meta.url));

// Three tiers (STYLE.md): pure unit tests next to the code, API tests through HTTP
// against a real database, and browser flows in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: [{ find: /^@\//, replacement: webSrc }] },
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
          // Unit tests first, then API tests, each group with its own worker settings.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          // Generous: CI machines have 2 cores and the API tests start real databases.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 200_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // Faults (kill -9, a database outage): real server processes, run on their own
        // (`npm run test:faults`, a stage of .ci/run), never by `npm test`.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
