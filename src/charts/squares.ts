import { pathRound } from 'd3';

/** Units per mark so that the largest count needs at most `most` marks: 1, 10, 100, 1000… */
export function unitsPerMark(largest: number, most = 120): number {
  let per = 1;
  while (largest / per > most) per *= 10;
  return per;
}

/**
 * The column count for several counts of marks stacked in one grid: the grid about twice as wide as
 * it is tall (a phone's chart box is wide, a desktop's tall: it reads in both), never wider than 40
 * nor than the largest count; ten or fewer in one row (six squares read best so).
 */
export function gridColumns(counts: readonly number[], aspect = 2): number {
  const largest = Math.max(1, ...counts);
  if (largest <= 10) return largest;
  const total = counts.reduce((sum, n) => sum + n, 0);
  return Math.min(40, largest, Math.ceil(Math.sqrt(total * aspect)));
}

/**
 * One SVG path for `count` squares of side `cell` (a 1 px gutter each side), placed by `at`;
 * a fractional count draws the last square in part. One path instead of a rect per square keeps
 * each animation frame to a single attribute change and a single paint item.
 */
export function squaresPath(count: number, cell: number, at: (k: number) => readonly [number, number]): string {
  const whole = Math.floor(count);
  const side = Math.max(0, cell - 2);
  const path = pathRound(2);
  for (let k = 0; k < Math.ceil(count); k++) {
    const [x, y] = at(k);
    const w = k < whole ? side : side * (count - whole);
    if (w > 0) path.rect(x + 1, y + 1, w, side);
  }
  return path.toString();
}
