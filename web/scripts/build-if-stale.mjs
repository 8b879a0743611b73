// Run before the server starts (`npm start`): a production build takes seconds, so it runs only
// when web/dist/index.html is missing or older than any source the bundle is made from.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(webDir, '..');
const builtIndex = path.join(webDir, 'dist', 'index.html');
// Written only after vite exits cleanly: an interrupted build can leave an index.html behind
// whose assets are missing, and that must not count as up to date.
const completeMarker = path.join(webDir, 'dist', '.build-complete');

const sources = [
  path.join(webDir, 'src'),
  path.join(webDir, 'public'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(webDir, 'pwa'),
  path.join(rootDir, 'shared', 'src'),
];

/** Modification time in ms, or undefined when the path does not exist. */
function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The most recently modified file under `entry` (a file or a directory), if any. */
function newestFile(entry) {
  const stat = (() => {
    try {
      return statSync(entry);
    } catch {
      return undefined;
    }
  })();
  if (!stat) return undefined;
  if (!stat.isDirectory()) return { file: entry, mtimeMs: stat.mtimeMs };
  let newest;
  for (const dirent of readdirSync(entry, { withFileTypes: true })) {
    if (dirent.name === 'node_modules' || dirent.name.startsWith('.')) continue;
    const candidate = newestFile(path.join(entry, dirent.name));
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

function staleReason() {
  const builtAt = mtimeOf(builtIndex);
  if (builtAt === undefined) return 'web/dist/index.html is missing';
  if (mtimeOf(completeMarker) === undefined) return 'the last build did not finish';
  for (const source of sources) {
    const newest = newestFile(source);
    if (newest && newest.mtimeMs > builtAt) {
      return `${path.relative(rootDir, newest.file)} changed since the last build`;
    }
  }
  return undefined;
}

const reason = staleReason();
if (!reason) {
  console.log('web: build is up to date (web/dist)');
  process.exit(0);
}

console.log(`web: building the app with vite because ${reason}…`);
// The local binary, not a global one, so the version is the one in package-lock.json.
const viteBin = path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
rmSync(completeMarker, { force: true });
// Always the production bundle, whoever asks: started from a test runner (NODE_ENV=test) Vite
// would otherwise ship React's development build, several times larger and slower.
const child = spawn(process.execPath, [viteBin, 'build'], {
  cwd: webDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
child.on('error', (error) => {
  console.error(`web: could not run vite: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`web: vite build stopped by ${signal}`);
    process.exit(1);
  }
  if (code === 0) writeFileSync(completeMarker, `${new Date().toISOString()}\n`);
  process.exit(code ?? 1);
});
