// @ts-check
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { isHallKey } from '../protocol/hallKey.js';

/**
 * What the room sees, and how many accepted publishes led there: `seq` 0 is a hall that has heard
 * no presenter yet. A publish must carry a higher `seq` than the one held.
 * @typedef {{ index: number, black: boolean, seq: number }} HeldSlide
 */

export const NO_SLIDE = Object.freeze({ index: 0, black: false, seq: 0 });

/** Replaces `file` whole: a temp file, written and flushed to disk, renamed over it. A crash leaves the old or the new. */
export function writeAtomic(/** @type {string} */ file, /** @type {string} */ text, mode = 0o644) {
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true }); // `mode` applies only to a file created afresh
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** The held slide in `text` if it is one for a deck of `slideCount`, else a reason. */
export function parseHeld(/** @type {string} */ text, /** @type {number} */ slideCount) {
  /** @type {unknown} */
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return { why: 'not JSON' };
  }
  const { index, black, seq } = /** @type {Record<string, unknown>} */ (typeof v === 'object' && v !== null ? v : {});
  if (typeof black !== 'boolean' || !Number.isSafeInteger(index) || !Number.isSafeInteger(seq) || /** @type {number} */ (seq) < 1) {
    return { why: 'not {"index","black","seq"}' };
  }
  if (/** @type {number} */ (index) < 0 || /** @type {number} */ (index) >= slideCount) {
    return { why: `slide ${/** @type {number} */ (index) + 1} is past this deck's ${slideCount}` };
  }
  return { held: /** @type {HeldSlide} */ ({ index, black, seq }) };
}

/** The slide kept in `file`, or none (said, unless there simply is no file yet). */
function readHeld(/** @type {string} */ file, /** @type {number} */ slideCount, /** @type {(m: string) => void} */ warn) {
  try {
    const read = parseHeld(readFileSync(file, 'utf8'), slideCount);
    if (read.held) return read.held;
    warn(`${file} is unreadable (${read.why}): starting with no live slide; the speaker view sends its own`);
  } catch (e) {
    const code = /** @type {NodeJS.ErrnoException} */ (e).code;
    if (code !== 'ENOENT') warn(`cannot read ${file} (${code}): starting with no live slide; the speaker view sends its own`);
  }
  return NO_SLIDE;
}

/** `inner` is `outer` or a folder under it. */
export const isInside = (/** @type {string} */ inner, /** @type {string} */ outer) => {
  const rel = relative(resolve(outer), resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The hall's memory across a crash or a Ctrl-C, in a folder of its own: `state.json` (the live slide)
 * and `key` (the presenter's key, readable by its owner only), so that a restart starts where the
 * talk was, and the presenter address and QR printed before keep working. A missing, unreadable or
 * read-only folder never stops the hall: `warn` says why, once, and the hall runs from memory.
 * @param {{
 *   dir: string,
 *   slideCount: number,
 *   key?: string,
 *   newKey?: boolean,
 *   warn: (message: string) => void,
 * }} options `key`: HALL_KEY, used as it is and never written; `newKey`: HALL_NEW_KEY=1, a new key replaces the kept one
 */
export function openHallState({ dir, slideCount, key: given, newKey = false, warn }) {
  const stateFile = join(dir, 'state.json');
  const keyFile = join(dir, 'key');
  /** @type {Set<string>} what went wrong writing, said once each */
  const said = new Set();
  const sayOnce = (/** @type {string} */ what, /** @type {unknown} */ e) => {
    const code = /** @type {NodeJS.ErrnoException} */ (e)?.code ?? String(e);
    if (said.has(what + code)) return;
    said.add(what + code);
    warn(`cannot keep ${what} in ${dir} (${code}); the hall runs on, but a restart will not remember it`);
  };

  let usable = true;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    usable = false; // nothing to read there, and every write would fail: said once, here
    sayOnce('the live slide or the key', e);
  }

  /** @type {HeldSlide} */
  const slide = usable ? readHeld(stateFile, slideCount, warn) : NO_SLIDE;

  /** @type {'HALL_KEY' | 'kept' | 'new'} */
  let keySource = 'new';
  let key = given;
  if (key) keySource = 'HALL_KEY';
  else if (!newKey && usable) {
    try {
      const kept = readFileSync(keyFile, 'utf8').trim();
      if (isHallKey(kept)) {
        key = kept;
        keySource = 'kept';
        if (statSync(keyFile).mode & 0o077) chmodSync(keyFile, 0o600); // copied in with looser rights
      } else warn(`${keyFile} holds no usable key: making a new one (the presenter address changes)`);
    } catch (e) {
      const code = /** @type {NodeJS.ErrnoException} */ (e).code;
      if (code !== 'ENOENT') warn(`cannot read ${keyFile} (${code}): making a new key (the presenter address changes)`);
    }
  }
  if (!key) {
    key = randomBytes(24).toString('base64url'); // 192 bits
    try {
      if (usable) writeAtomic(keyFile, `${key}\n`, 0o600);
    } catch (e) {
      sayOnce('the presenter key', e);
    }
  }

  return {
    key,
    keySource,
    /** The slide the hall held when it stopped (seq 0: none). */
    slide,
    /** Keeps `held` for the next start; never throws. */
    save(/** @type {HeldSlide} */ held) {
      try {
        if (usable) writeAtomic(stateFile, `${JSON.stringify({ index: held.index, black: held.black, seq: held.seq })}\n`);
      } catch (e) {
        sayOnce('the live slide', e);
      }
    },
  };
}
