// @ts-check
// The system Chromium, for the browser tests and the bench alike (plain JS so that node runs it as it is).
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

/** The system Chromium (CHROME_PATH, else Debian's); a clear error naming the install command when it is missing. */
export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get update && apt-get install -y chromium fonts-noto-cjk\` ` +
        '(or run `npm run test:setup`), or set CHROME_PATH to a Chromium binary.',
    );
  }
  return path;
}

/** Starts the system Chromium, headless. */
export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
