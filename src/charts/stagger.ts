import { easeCubicOut } from 'd3';

/**
 * Item `i` of `n`'s own progress when items start one after another: each takes `share` of the
 * whole reveal, eased. Lets one timer drive a staggered reveal.
 */
export function stagger(progress: number, i: number, n: number, share = 0.6): number {
  const start = n > 1 ? (i * (1 - share)) / (n - 1) : 0;
  const local = Math.min(1, Math.max(0, (progress - start) / share));
  return easeCubicOut(local);
}

