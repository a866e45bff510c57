// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The deck's length from the build's data/deck.json (`{"slides": <int>}`): a publish's index must
 * be below it.
 * @param {string} site
 */
export function readSlideCount(site) {
  const file = join(site, 'data', 'deck.json');
  let deck;
  try {
    deck = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`cannot read the slide count from ${file} (${why}); the build must write it: {"slides": <count>}`);
  }
  const slides = deck?.slides;
  if (!Number.isInteger(slides) || slides < 1) throw new Error(`${file}: "slides" must be a whole number above 0`);
  return /** @type {number} */ (slides);
}
