// @ts-check
import { isIP } from 'node:net';
import { isHallKey } from '../protocol/hallKey.js';

/**
 * The hall's settings from the environment; throws an Error saying which variable is wrong. `key` is
 * HALL_KEY or undefined: the state folder keeps (or makes) one otherwise.
 * @param {Record<string, string | undefined>} env
 */
export function hallConfig(env) {
  const port = whole(env.PORT ?? '8080', 'PORT', 0, 65535);
  const maxFollowers = whole(env.HALL_MAX_FOLLOWERS ?? '5000', 'HALL_MAX_FOLLOWERS', 1, 1_000_000);
  const maxPerAddress = whole(env.HALL_MAX_PER_ADDRESS ?? '8', 'HALL_MAX_PER_ADDRESS', 1, 1000);
  const key = env.HALL_KEY || undefined;
  if (key !== undefined && !isHallKey(key)) {
    throw new Error(
      'HALL_KEY must be 16 to 256 visible ASCII characters (no spaces) and hard to guess (128 bits: e.g. 22 or more ' +
        'random letters and digits, or 32 hex digits). Or leave it out: the hall makes one and keeps it in its state folder.',
    );
  }
  const announceHost = env.HALL_HOST?.trim() || undefined;
  if (announceHost !== undefined && !/^[\w.:[\]-]+$/.test(announceHost)) {
    throw new Error('HALL_HOST must be an IP address or a host name.');
  }
  const bind = env.HALL_BIND?.trim() || undefined;
  if (bind !== undefined && !isIP(bind)) throw new Error(`HALL_BIND must be an IP address of this machine, e.g. 127.0.0.1 (got "${bind}").`);
  return {
    port,
    key,
    newKey: env.HALL_NEW_KEY === '1',
    announceHost,
    bind,
    remote: env.HALL_REMOTE === '1',
    maxFollowers,
    maxPerAddress,
    site: env.HALL_SITE || undefined,
    state: env.HALL_STATE || undefined,
  };
}

/** @param {string} text @param {string} name @param {number} min @param {number} max */
function whole(text, name, min, max) {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return Number(text);
}
