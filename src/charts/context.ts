import { createContext } from 'svelte';
import type { figureText } from './figureText';
import type { TypeScale } from './typeScale';

/** What every part of a chart shares, computed once per chart: its box, its type sizes, its words. */
export interface ChartContext {
  /** The chart box, in CSS pixels */
  readonly width: number;
  readonly height: number;
  readonly type: TypeScale;
  readonly text: ReturnType<typeof figureText>;
}

export const [getChart, setChart] = createContext<ChartContext>();
