// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: when any of it is newer than dist/index.html, dist/ is stale. */
export const BUILD_INPUTS = ['src', 'locales', 'static', 'index.html', 'vite.config.ts', 'vite.prerender.ts'];

/** The newest modification time (ms) of a file, or of any file under a folder; 0 if missing. */
export function newestMtime(/** @type {string} */ path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const rel of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(path, rel));
    if (s.isFile() && s.mtimeMs > newest) newest = s.mtimeMs;
  }
  return newest;
}

/** dist/index.html is missing, or older than something the build reads. */
export function isStale(/** @type {string} */ root) {
  const built = newestMtime(join(root, 'dist', 'index.html'));
  return built === 0 || BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > built);
}

/**
 * In the repo, builds the site first if dist/ is missing or stale. The build's output goes to
 * stderr: stdout carries only the hall's four URL lines.
 * @param {string} root the repo (with src/)
 */
export function buildIfStale(root) {
  if (!isStale(root)) return;
  process.stderr.write('hall: dist/ is missing or stale, building first\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (run.status !== 0) throw new Error('the build failed (see above)');
}
