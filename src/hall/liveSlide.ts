import { slideState } from '../../protocol/slideState.js';

/** What the hall server says the room sees: a 0-based slide of `present/slides.ts`, and whether the screen is black. */
export interface LiveSlide {
  index: number;
  black: boolean;
}

/** The longest `data` a slide event can carry with any index a deck can have; anything longer is not ours. */
const MAX_DATA = 64;

/**
 * A slide event's `data`, if it is exactly `{"index":<int>,"black":<bool>}` with the index in the deck;
 * anything else (another shape, extra keys, an index past the deck, a non-string) is null.
 */
export function parseLiveSlide(data: unknown, count: number): LiveSlide | null {
  if (typeof data !== 'string' || data.length > MAX_DATA) return null;
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  const slide = slideState(v, count, ['index', 'black']);
  return slide && { index: slide.index, black: slide.black };
}

/** Whether two states show the same thing. */
export const sameSlide = (a: LiveSlide | null, b: LiveSlide | null): boolean =>
  !!a && !!b && a.index === b.index && a.black === b.black;
