/** Type sizes (px) for a chart box: big on a projector, still legible on a phone. */
export interface TypeScale {
  /** A headline number */
  value: number;
  /** What a number counts */
  label: number;
  /** The chart's reading note */
  note: number;
}

const clamp = (lo: number, v: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The type sizes for a box of `width` x `height`. */
export function typeScale(width: number, height: number): TypeScale {
  const base = Math.min(width, height * 1.1);
  return {
    value: clamp(28, base * 0.11, 160),
    label: clamp(16, base * 0.042, 44),
    note: clamp(14, base * 0.036, 36),
  };
}
