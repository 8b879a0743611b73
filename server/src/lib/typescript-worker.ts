import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The first code of a worker thread that runs TypeScript sources (pass it to `new Worker(…,
 * { eval: true })`): register the TypeScript loader, then import `entry`.
 * `execArgv: ['--import', 'tsx']` is not enough on Node 20 — loader hooks given on a worker's
 * command line do not reach the modules it imports — so the loader is registered from inside.
 * Both paths are resolved from the caller's URL, not from the process's working directory.
 *
 * `lowerPriority`: on Linux a nice value belongs to a thread and is inherited by the threads
 * and processes it starts (the loader's), so when the cores are busy the request thread wins;
 * elsewhere it would renice the whole server, so it is left alone.
 */
export function typeScriptWorkerScript(entry: URL, opts: { lowerPriority?: boolean } = {}): string {
  const loaderApi = resolveLoaderApi();
  const start =
    opts.lowerPriority && process.platform === 'linux'
      ? `import('node:os').then((os) => { try { os.setPriority(10); } catch {} })`
      : `Promise.resolve()`;
  return (
    `${start}.then(() => import(${JSON.stringify(loaderApi)}))` +
    `.then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })` +
    `.catch((error) => { process.nextTick(() => { throw error; }); });`
  );
}

/** URL of the loader's ESM registration API (its "import" export, not the CommonJS one). */
function resolveLoaderApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Runners that rewrite import.meta may not offer resolve(); the package layout is stable.
    const pkg = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
    return new URL('./dist/esm/api/index.mjs', pkg).href;
  }
}
