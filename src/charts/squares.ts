import { pathRound } from 'd3';

/** Units per mark so that the largest count needs at most `most` marks: 1, 10, 100, 1000… */
export function unitsPerMark(largest: number, most = 120): number {
  let per = 1;
  while (largest / per > most) per *= 10;
  return per;
}

/**
 * One grid for several counts of marks, stacked: the column count that gives the largest square,
 * every count drawn at the same square size so that they compare.
 */
export function sharedGrid(counts: readonly number[], width: number, height: number, maxCell = 48) {
  let best = { cols: 1, cell: 0 };
  // On a tie (squares at their largest), the wider grid: six squares read best in one row.
  for (let cols = 1; cols <= Math.min(40, Math.max(...counts)); cols++) {
    const rows = counts.reduce((sum, n) => sum + Math.ceil(n / cols), 0);
    const cell = Math.min(maxCell, width / cols, height / rows);
    if (cell >= best.cell) best = { cols, cell };
  }
  return { cols: best.cols, cell: Math.max(3, Math.floor(best.cell)) };
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
