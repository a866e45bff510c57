// @ts-check
// The system Chromium, for the browser tests and the bench (plain JS so that node runs it as it is).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a closed network: no background calls home, no QUIC, no sandbox (root in CI). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian builds Chromium twice. The tests drive its headless shell: the same Blink and V8, without the
 * browser around them, which opens a page in under half the time (a context and a page 0.12 s, not
 * 0.34; the story 0.16 s, not 0.34) and took the browser tests from 11.5 to 7 minutes on two cores.
 * The bench drives the full browser, what a reader runs (and what Lighthouse expects).
 */
const BUILDS = {
  shell: { path: '/usr/bin/chromium-headless-shell', pkg: 'chromium-headless-shell' },
  full: { path: '/usr/bin/chromium', pkg: 'chromium' },
};

/**
 * The system Chromium (CHROME_PATH, else Debian's build); a clear error naming the install command when it is missing.
 * @param {'shell' | 'full'} [build] the headless shell (tests) or the full browser (the bench)
 */
export function chromiumPath(build = 'shell') {
  const path = process.env.CHROME_PATH || BUILDS[build].path;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get update && apt-get install -y ${BUILDS[build].pkg} fonts-noto-cjk\` ` +
        '(or run `npm run test:setup`), or set CHROME_PATH to a Chromium binary.',
    );
  }
  return path;
}

/**
 * Starts the system Chromium, headless.
 * @param {'shell' | 'full'} [build]
 */
export function launch(build = 'shell') {
  return chromium.launch({ executablePath: chromiumPath(build), args: CHROMIUM_FLAGS });
}
