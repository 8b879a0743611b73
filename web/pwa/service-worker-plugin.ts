import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js` at the site root: the hand-written worker in `sw.template.js` with this
 * build's version and the list of built JS/CSS files to precache (so the app shell, the
 * courier screens included, opens with no network). No plugin dependency: the worker is
 * small and does exactly what the courier view needs.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'tannha-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((f) => /\.(js|css|svg|png|woff2?)$/.test(f) && !f.endsWith('.map'))
        .map((f) => `/${f}`);
      const version = Date.now().toString(36);
      const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__VERSION__', version)
          .replace('/*__ASSETS__*/ []', JSON.stringify(assets)),
      });
    },
  };
}
