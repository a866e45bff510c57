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
import { isInside, openHallState } from './hallState.mjs';
import { isLoopback, lanAddress, urlHost } from './lanAddress.mjs';
import { openFileLimit } from './openFileLimit.mjs';
import { readSlideCount } from './readSlideCount.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** Packed (hall-pack/): the site is beside the server, which never builds. */
const packed = existsSync(join(here, 'site', 'index.html'));
/** The folder the hall runs from: the packed folder, or the repository. */
const home = packed ? here : resolve(here, '..');

/** The site to serve: HALL_SITE; else the packed folder's site/; else the repo's dist/, built if stale. */
function findSite(/** @type {string | undefined} */ fromEnv) {
  if (fromEnv) return resolve(fromEnv);
  if (packed) return join(here, 'site');
  if (existsSync(join(home, 'src'))) buildIfStale(home);
  return join(home, 'dist');
}

/** File descriptors kept for the hall's own use (its code, the files it serves, the log). */
const SPARE_FILES = 64;

const say = (/** @type {string} */ message) => void process.stderr.write(`hall: ${message}\n`);

function main() {
  const config = hallConfig(process.env);
  const site = findSite(config.site);
  if (!existsSync(join(site, 'index.html'))) throw new Error(`no built site at ${site}`);
  const slideCount = readSlideCount(site);
  const stateDir = resolve(config.state ?? join(home, '.hall'));
  if (isInside(stateDir, site)) throw new Error(`HALL_STATE (${stateDir}) must not be inside the served site (${site})`);
  const state = openHallState({ dir: stateDir, slideCount, key: config.key, newKey: config.newKey, warn: say });

  const bind = config.bind ?? '0.0.0.0';
  const everywhere = bind === '0.0.0.0' || bind === '::';
  // Phones need an address they can reach: the LAN's when listening everywhere, else the one bound.
  const announceHost = config.announceHost ?? (everywhere ? lanAddress() : bind);
  const localHost = everywhere ? '127.0.0.1' : bind;

  const files = openFileLimit();
  const wanted = config.maxFollowers + 200;
  const maxConnections = files === undefined ? wanted : Math.max(16, Math.min(wanted, files - SPARE_FILES));
  if (maxConnections < wanted) {
    say(
      `this shell allows ${files} open files, so the hall takes at most ${maxConnections} connections ` +
        `(HALL_MAX_FOLLOWERS is ${config.maxFollowers}). For more, stop it and type: ulimit -n ${wanted + SPARE_FILES}; npm run hall`,
    );
  }
  const server = createHall({
    ...config,
    key: state.key,
    site,
    slideCount,
    announceHost,
    held: state.slide,
    save: state.save,
    maxConnections,
  });

  let listening = false;
  server.on('error', (e) => {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    // Once serving, an error (e.g. EMFILE on accept, out of file descriptors) costs one connection, not the room.
    if (listening) return say(e.message);
    if (code === 'EADDRINUSE') fail(`port ${config.port} is in use (PORT=0 picks a free one)`);
    else if (code === 'EADDRNOTAVAIL') fail(`HALL_BIND=${bind} is not an address of this machine`);
    else fail(e.message);
  });
  server.listen(config.port, bind, () => {
    listening = true;
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const key = encodeURIComponent(state.key);
    const lines = [announceHost, localHost].flatMap((host) => [
      `audience: http://${urlHost(host)}:${port}/?mode=follow`,
      `presenter: http://${urlHost(host)}:${port}/?mode=presenter&key=${key}`,
    ]);
    process.stdout.write(`${lines.join('\n')}\n`);
    const where = everywhere ? 'every interface (HALL_BIND to choose one)' : `${bind} only (HALL_BIND)`;
    const resumed = state.slide.seq > 0 ? `resuming at slide ${state.slide.index + 1}${state.slide.black ? ', blacked out' : ''}` : 'no live slide yet';
    const keyNote = { HALL_KEY: 'the key from HALL_KEY', kept: 'the kept key (HALL_NEW_KEY=1 makes a new one)', new: 'a new key' }[state.keySource];
    say(`serving ${site} (${slideCount} slides) on ${where}, port ${port}; ${resumed}; ${keyNote}; state in ${stateDir}`);
    say(`${config.remote ? 'publishing from any address with the key (HALL_REMOTE=1)' : 'publishing from this laptop only'}; Ctrl-C stops`);
    if (isLoopback(bind) && !config.announceHost) say(`listening on ${bind}: phones on the Wi-Fi cannot reach it`);
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
  say(message);
  process.exit(1);
}

try {
  main();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
