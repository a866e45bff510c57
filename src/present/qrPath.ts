/**
 * A QR code's dark modules as one SVG path in module units (0..size), one rectangle per run of dark
 * modules in a row: `M<x> <y>h<n>v1h-<n>z`. `dark(row, col)` reads the module matrix.
 */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; ) {
      if (!dark(y, x)) {
        x++;
        continue;
      }
      let n = 1;
      while (x + n < size && dark(y, x + n)) n++;
      d += `M${x} ${y}h${n}v1h-${n}z`;
      x += n;
    }
  }
  return d;
}
