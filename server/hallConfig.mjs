// @ts-check
import { randomBytes } from 'node:crypto';

/**
 * The hall's settings from the environment; throws an Error saying which variable is wrong.
 * @param {Record<string, string | undefined>} env
 */
export function hallConfig(env) {
  const port = whole(env.PORT ?? '8080', 'PORT', 0, 65535);
  const maxFollowers = whole(env.HALL_MAX_FOLLOWERS ?? '5000', 'HALL_MAX_FOLLOWERS', 1, 1_000_000);
  const key = env.HALL_KEY ?? randomBytes(16).toString('base64url'); // 128 bits, fresh each start
  // The key travels in a URL and an HTTP header: visible ASCII, and long enough not to be guessed.
  if (!/^[\x21-\x7e]{16,256}$/.test(key)) {
    throw new Error('HALL_KEY must be 16 to 256 visible ASCII characters (no spaces).');
  }
  const announceHost = env.HALL_HOST?.trim() || undefined;
  if (announceHost !== undefined && !/^[\w.:[\]-]+$/.test(announceHost)) {
    throw new Error('HALL_HOST must be an IP address or a host name.');
  }
  return {
    port,
    key,
    announceHost,
    remote: env.HALL_REMOTE === '1',
    maxFollowers,
    site: env.HALL_SITE || undefined,
  };
}

/** @param {string} text @param {string} name @param {number} min @param {number} max */
function whole(text, name, min, max) {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return Number(text);
}
