// Builds the benchmark's baseline page (bench/baseline: a plain scrollama + d3 page with the story's
// figures) into a folder of its own. The project's vite.config.ts and its plugins are not used.
//   node bench/baseline/build.mjs /tmp/baseline-dist
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `import * as d3 from 'd3'` in main.js is meant to ship the whole library, as a classic page's
// <script src="d3.v7.min.js"> does. Through d3's ES modules the bundler would tree-shake it to the
// few functions used (about 25 KiB gz instead of about 90), so 'd3' resolves to d3's own
// prebuilt bundle, dist/d3.min.js (the file its package.json exports as "umd").
const d3Bundle = join(dirname(fileURLToPath(import.meta.resolve('d3'))), 'd3.min.js');

/**
 * Builds the baseline page into `outDir` (emptied first); load `index.html` from it.
 * @param {string} outDir
 */
export async function buildBaseline(outDir) {
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: [{ find: /^d3$/, replacement: d3Bundle }] },
    build: { outDir: resolve(outDir), emptyOutDir: true },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node bench/baseline/build.mjs <outDir>');
    process.exit(2);
  }
  await buildBaseline(outDir);
  console.log(`baseline built in ${resolve(outDir)}`);
}
