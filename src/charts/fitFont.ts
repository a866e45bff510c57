import { numberParts } from '../lib/format';

/**
 * Width of `s` in ems for a bold system font, erring wide: CJK is square, digits and Latin
 * narrower (a wide Latin face such as DejaVu Sans Bold runs near 0.7 em a letter).
 */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.32 : /[.,:;]/.test(ch) ? 0.38 : 0.7;
  return w;
}

/** Width in ems of a formatted value whose words around the number are set at 0.55 em (RunningValue). */
export function valueWidth(text: string): number {
  const [before, number, after] = numberParts(text);
  return emWidth(number) + 0.55 * emWidth(before + after);
}
