import { slides } from '../present/slides';

/**
 * Whether slide `index` carries the audience QR code: the title, each theme's first slide and the
 * end, where a hall settles in, changes subject or leaves.
 */
export function showsQr(index: number): boolean {
  const slide = slides[index];
  if (!slide) return false;
  if (slide.kind !== 'step') return true;
  const before = slides[index - 1];
  return before?.kind !== 'step' || before.theme.id !== slide.theme.id;
}
