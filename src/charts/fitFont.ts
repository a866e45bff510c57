import type { FigureParts } from '../data/format';

/**
 * Width of `s` in ems for a bold system font, erring wide: CJK is square, digits and Latin
 * narrower (a wide Latin face such as DejaVu Sans Bold runs near 0.7 em a letter).
 */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.32 : /[.,:;]/.test(ch) ? 0.38 : 0.7;
  return w;
}

/** Width in ems of a formatted value whose words around the number are set at 0.55 em (ChartFrame). */
export function valueWidth([before, number, after]: FigureParts): number {
  return emWidth(number) + 0.55 * emWidth(before + after);
}

/** About how many lines a name set in a regular weight takes at `perLine` ems a line (about 0.8 of `emWidth`'s bold estimate). */
export const linesOf = (name: string, perLine: number): number => Math.max(1, Math.ceil((0.8 * emWidth(name)) / perLine));

/**
 * About how many lines names set one under another take, each with a bar under it, at about `perLine`
 * ems a line (a phone's column; a wider box needs fewer, and the type is capped anyway): what a plot
 * of rows divides its height by to size their names (`data-lines`, app.css).
 */
export function nameLines(names: readonly string[], perLine = 11): number {
  const lines = names.reduce((sum, name) => sum + linesOf(name, perLine) + 1, 0);
  return Math.min(40, lines);
}
