import { accessSync, constants } from 'node:fs';

/** The packages every cross-engine test needs, as one command. */
export const INSTALL = 'apt-get update && apt-get install -y firefox-esr webkit2gtk-driver xvfb (or: bash tools/test-setup.sh)';

/** Returns `path` if it is an executable file, else throws naming the install command: a missing tool fails, never skips. */
export function requireBinary(path: string, what: string): string {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(`${what} not found at ${path}. Install it with \`${INSTALL}\`.`);
  }
}
