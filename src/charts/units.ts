/** Units per mark so that the largest count needs at most `most` marks: 1, 10, 100, 1000… */
export function unitsPerMark(largest: number, most = 120): number {
  let per = 1;
  while (largest / per > most) per *= 10;
  return per;
}

/** Columns and cell size for `marks` squares in a `width` x `height` box. */
export function gridFor(marks: number, width: number, height: number, maxCell = 44) {
  const cols = Math.max(1, Math.min(marks <= 12 ? marks : 20, Math.ceil(Math.sqrt((marks * width) / Math.max(1, height)))));
  const rows = Math.ceil(marks / cols);
  const cell = Math.max(4, Math.min(maxCell, width / cols, height / rows));
  return { cols, rows, cell };
}
