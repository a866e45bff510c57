// @ts-check
// The hall's presenter key, as the server (server/hallConfig.mjs, hallState.mjs) and the speaker view
// (src/hall/presenterKey.ts) both judge it: one rule.

/**
 * The bits a key of this length would carry if each character were drawn at random from the
 * classes it uses (lower case, upper case, digits, other signs): an upper bound, which is what a
 * guesser faces at best. 32 hex digits give 165; 16 characters of every class give 105.
 * @param {string} key
 */
export function keyBits(key) {
  const pool =
    (/[a-z]/.test(key) ? 26 : 0) + (/[A-Z]/.test(key) ? 26 : 0) + (/[0-9]/.test(key) ? 10 : 0) + (/[^a-zA-Z0-9]/.test(key) ? 32 : 0);
  return key.length * Math.log2(Math.max(pool, 1));
}

/**
 * A key the hall accepts: 16 to 256 visible ASCII characters (it travels in a URL and a header), and
 * 128 bits or more.
 * @param {unknown} key
 * @returns {key is string}
 */
export function isHallKey(key) {
  return typeof key === 'string' && /^[\x21-\x7e]{16,256}$/.test(key) && keyBits(key) >= 128;
}
