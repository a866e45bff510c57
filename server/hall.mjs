#!/usr/bin/env node
// @ts-check
// `npm run hall` (or, packed, `node hall.mjs`): the venue server. Prints four URL lines on stdout
// and nothing else; every other message goes to stderr.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './buildIfStale.mjs';
import { createHall } from './createHall.mjs';
import { hallConfig } from './hallConfig.mjs';
import { lanAddress, urlHost } from './lanAddress.mjs';
import { openFileLimit } from './openFileLimit.mjs';
import { readSlideCount } from './readSlideCount.mjs';

/** The site to serve: HALL_SITE; else the packed folder's site/; else the repo's dist/, built if stale. */
function findSite(/** @type {string | undefined} */ fromEnv) {
  if (fromEnv) return resolve(fromEnv);
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'site', 'index.html'))) return join(here, 'site'); // hall-pack/: never builds
  const root = resolve(here, '..');
  if (existsSync(join(root, 'src'))) buildIfStale(root);
  return join(root, 'dist');
}

function main() {
  const config = hallConfig(process.env);
  const site = findSite(config.site);
  if (!existsSync(join(site, 'index.html'))) throw new Error(`no built site at ${site}`);
  const slideCount = readSlideCount(site);
  const announceHost = config.announceHost ?? lanAddress();
  const server = createHall({ ...config, site, slideCount, announceHost });

  const limit = openFileLimit();
  if (limit !== undefined && limit < config.maxFollowers + 100) {
    process.stderr.write(`hall: only ${limit} open files allowed, fewer than HALL_MAX_FOLLOWERS (${config.maxFollowers}) + 100; raise ulimit -n\n`);
  }
  let listening = false;
  server.on('error', (e) => {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    // Once serving, an error (e.g. EMFILE on accept, out of file descriptors) costs one connection, not the room.
    if (listening) return void process.stderr.write(`hall: ${e.message}\n`);
    fail(code === 'EADDRINUSE' ? `port ${config.port} is in use (PORT=0 picks a free one)` : e.message);
  });
  server.listen(config.port, '0.0.0.0', () => {
    listening = true;
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const key = encodeURIComponent(config.key);
    const lines = [announceHost, '127.0.0.1'].flatMap((host) => [
      `audience: http://${urlHost(host)}:${port}/?mode=follow`,
      `presenter: http://${urlHost(host)}:${port}/?mode=presenter&key=${key}`,
    ]);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stderr.write(
      `hall: serving ${site} (${slideCount} slides) on every interface, port ${port}; ` +
        `${config.remote ? 'publishing from any address with the key (HALL_REMOTE=1)' : 'publishing from this laptop only'}; Ctrl-C stops\n`,
    );
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.hall.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref(); // a stuck socket does not hold the exit
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** @param {string} message */
function fail(message) {
  process.stderr.write(`hall: ${message}\n`);
  process.exit(1);
}

try {
  main();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
