// @ts-check
import { readFileSync } from 'node:fs';

/**
 * This process's limit on open files (each follower holds one), where Linux tells it; undefined
 * elsewhere. Node already raises the soft limit to the hard one at start.
 */
export function openFileLimit() {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s+/)[3]);
    return Number.isFinite(soft) ? soft : undefined;
  } catch {
    return undefined;
  }
}
