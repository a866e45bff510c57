import { createContext } from 'svelte';
import type { figureText } from './figureText';

/** What every part of a chart shares, made once per chart: its words. */
export interface ChartContext {
  readonly text: ReturnType<typeof figureText>;
}

export const [getChart, setChart] = createContext<ChartContext>();
