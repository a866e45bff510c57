/**
 * When item `i` of `n` plays, as fractions of the whole reveal, when items start one after another:
 * each takes `share` of it, the last ending with it. Written on the marks and numbers as `data-at`
 * and `data-share` (charts/reveal.ts reads them).
 */
export function stagger(i: number, n: number, share = 0.6): { 'data-at': string; 'data-share': string } {
  const at = n > 1 ? (i * (1 - share)) / (n - 1) : 0;
  return { 'data-at': at.toFixed(3), 'data-share': String(n > 1 ? share : 1) };
}
