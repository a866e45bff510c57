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

/** The largest font size (px) at which every value fits `width`, within [min, max]. */
export function fitValues(values: readonly string[], width: number, min: number, max: number): number {
  const widest = Math.max(1, ...values.map(valueWidth));
  return Math.max(min, Math.min(max, width / widest));
}

/**
 * The largest type size (px) in [min, max] at which names set one under another, each wrapped to
 * `width` with `extra` px of its own under it (a bar, a gap), fill at most `height`. Names are set in
 * a regular weight, about 0.8 of `emWidth`'s bold estimate.
 */
export function fitLines(names: readonly string[], width: number, height: number, extra: number, min: number, max: number): number {
  const LINE = 1.35;
  const needed = (size: number) =>
    names.reduce((sum, name) => sum + Math.max(1, Math.ceil((0.8 * emWidth(name) * size) / width)) * LINE * size + extra, 0);
  for (let size = max; size > min; size -= 0.5) if (needed(size) <= height) return size;
  return min;
}
