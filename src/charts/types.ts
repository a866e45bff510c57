import type { Figure } from '../data/types';

/** A box in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/** A plot's box, and the size of the headline numbers set in it (px). */
export interface PlotBox extends Box {
  value: number;
}

/** What every chart form takes: the step's figures, how far revealed, and its box. */
export interface ChartProps extends Box {
  /** The figures to draw, all of this chart's form, in the article's order */
  figures: readonly Figure[];
  /** Reveal progress from 0 (before the step's reveal starts) to 1 (final state) */
  progress: number;
}

/** A form that sets its figures among others of their kind (the money ladder) takes those too. */
export interface ComparedProps extends ChartProps {
  /** Every figure the chart compares these with, these included */
  among: readonly Figure[];
}
