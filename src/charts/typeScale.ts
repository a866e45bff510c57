/** Type sizes (px) for a chart box: big on a projector, still legible on a phone. */
export function typeScale(width: number, height: number) {
  const base = Math.min(width, height * 1.1);
  const clamp = (lo: number, v: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return {
    value: clamp(28, base * 0.11, 110),
    label: clamp(16, base * 0.042, 32),
    note: clamp(14, base * 0.03, 28),
  };
}
