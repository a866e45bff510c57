import type { Figure } from '../data/types';

/** What every chart form takes: the step's figures, how far revealed, and its box. */
export interface ChartProps {
  /** The figures to draw, all of this chart's form, in the article's order */
  figures: readonly Figure[];
  /** Reveal progress from 0 (before the step enters) to 1 (final state) */
  progress: number;
  /** Width of the drawing box in CSS pixels */
  width: number;
  /** Height of the drawing box in CSS pixels */
  height: number;
}
