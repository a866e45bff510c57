import type { Figure } from '../data/types';

/** What every chart form takes: the step's figures. It draws them in their final geometry, laid out by CSS in the box it is given; the reveal is the graphic's (charts/reveal.ts). */
export interface ChartProps {
  /** The figures to draw, all of this chart's form, in the article's order */
  figures: readonly Figure[];
}

/** A form that sets its figures among others of their kind (the money ladder) takes those too. */
export interface ComparedProps extends ChartProps {
  /** Every figure the chart compares these with, these included */
  among: readonly Figure[];
}
