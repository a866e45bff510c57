import { themes } from '../data/story';
import type { Section, Step, Theme } from '../data/types';

/** One full-screen slide of present mode: the title, a step of the story, or the close. */
export type Slide =
  | { kind: 'title'; id: 'title' }
  | { kind: 'step'; id: string; theme: Theme; section: Section; step: Step }
  | { kind: 'end'; id: 'end' };

/** The deck: a title slide, every step of the story in order, and a closing slide. */
export const slides: readonly Slide[] = [
  { kind: 'title', id: 'title' },
  ...themes.flatMap((theme) =>
    theme.sections.flatMap((section) =>
      section.steps.map((step): Slide => ({ kind: 'step', id: step.id, theme, section, step })),
    ),
  ),
  { kind: 'end', id: 'end' },
];

/** The index (0-based) of slide `n` (1-based, as people count), clamped to the deck. */
export function slideIndex(n: number | null): number {
  if (n === null || !Number.isFinite(n)) return 0;
  return Math.min(slides.length - 1, Math.max(0, Math.trunc(n) - 1));
}

/** The first slide of a theme, section or figure id, or 0 for an unknown id. */
export function firstSlideOf(id: string | null): number {
  if (id === null) return 0;
  const i = slides.findIndex(
    (s) => s.kind === 'step' && (s.theme.id === id || s.section.id === id || s.step.figures.some((f) => f === id)),
  );
  return Math.max(0, i);
}
