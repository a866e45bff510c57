// @ts-check
// What the share cards are drawn from, and its hash: shared by `npm run cards` (which records it in
// static/share-cards.json) and tests/unit/cards.test.ts (which recomputes it), so the PNGs cannot
// drift from the copy unnoticed. Plain JS so that node runs it as it is.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The files that decide how a card looks besides its words: the component with its CSS and colours, the text and line-break rules, the drawing script. */
export const CARD_SOURCES = ['src/cards/ShareCard.svelte', 'src/colours.ts', 'src/cards/cardText.ts', 'src/cards/cardFigures.ts', 'tools/cards.mjs'];

const ROOT = new URL('../', import.meta.url);
const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex');

/**
 * The inputs of both cards: the exact strings drawn (figures formatted) per language, and a hash of
 * each source file (line endings normalized, so a checkout's settings do not matter).
 * @param {Record<string, unknown>} drawn language -> what `cardText` returns for it
 */
export function cardInputs(drawn) {
  const sources = Object.fromEntries(
    CARD_SOURCES.map((path) => [path, sha256(readFileSync(new URL(path, ROOT), 'utf8').replace(/\r\n/g, '\n'))]),
  );
  return { drawn, sources };
}

/** The SHA-256 of the inputs, as recorded in static/share-cards.json. */
export function inputHash(/** @type {ReturnType<typeof cardInputs>} */ inputs) {
  return sha256(JSON.stringify(inputs));
}
