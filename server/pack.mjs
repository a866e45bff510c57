// @ts-check
// `npm run hall:pack`: hall-pack/ is the venue server in one folder for a laptop with no internet
// and no npm: hall.mjs (the server, its dependencies inlined) and site/ (the built site). Run it
// with `node hall-pack/hall.mjs` from anywhere; it never builds.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { readSlideCount } from './readSlideCount.mjs';

/**
 * Bundles server/hall.mjs with sirv and the rest inlined into `outDir`/hall.mjs; only Node's
 * built-in modules stay imports.
 * @param {string} root the repo
 * @param {string} outDir
 */
export async function bundleServer(root, outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(root, 'server', 'hall.mjs'),
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'hall.mjs' } },
    },
  });
}

const README = `The venue server, packed: needs Node 20 or later and nothing else (no npm, no internet).

  node hall.mjs             (PORT=8080 by default; PORT=0 picks a free port)

It prints the audience and presenter URLs. The live slide and the presenter key are kept in .hall/
beside hall.mjs, so a restart (after a crash or Ctrl-C) comes back where the talk was, with the same
addresses; HALL_NEW_KEY=1 (or deleting .hall/) makes a new key. HALL_HOST sets the address to
announce, HALL_BIND the one to listen on, HALL_REMOTE=1 lets a phone publish (the key then crosses
the Wi-Fi in clear), HALL_MAX_FOLLOWERS caps the phones (5000). Ctrl-C stops it.

On the day: venue.md beside this file.
`;

/** Builds the site, then writes `outDir` afresh: hall.mjs, site/, README.txt. */
export async function packHall(root = resolve(dirname(fileURLToPath(import.meta.url)), '..'), outDir = join(root, 'hall-pack')) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('the build failed');
  readSlideCount(join(root, 'dist')); // a pack that could not start is not written
  rmSync(outDir, { recursive: true, force: true });
  await bundleServer(root, outDir);
  cpSync(join(root, 'dist'), join(outDir, 'site'), { recursive: true });
  writeFileSync(join(outDir, 'README.txt'), README);
  cpSync(join(root, 'docs', 'venue.md'), join(outDir, 'venue.md'));
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  packHall().then(
    (out) => console.log(`hall:pack wrote ${out}: run it with node ${join(out, 'hall.mjs')}`),
    (e) => {
      console.error(`hall:pack: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
