import type { Component } from 'svelte';
import { lazy } from '../lib/lazy';
import type { ChartProps } from './types';

type Swap = (chart: Component<ChartProps>) => void;

let pending: Promise<Component<ChartProps>> | undefined;
let loaded: Component<ChartProps> | undefined;
let waiting: Swap[] = [];
let draining = false;

/**
 * The charts (and the D3 they use) are their own chunk, fetched once: by the app's start, or by a
 * graphic nearing the screen if that failed. The first view of the page needs none of them. A failure
 * is forgotten, so that the next graphic to near the screen asks again.
 */
export function loadChart(): Promise<Component<ChartProps>> {
  pending ??= lazy(() => import('./Chart.svelte')).then(
    (m) => {
      loaded = m.default;
      drain();
      return loaded;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** The chart component if it has arrived, else undefined (always so on the server). */
export const loadedChart = (): Component<ChartProps> | undefined => loaded;

/**
 * Calls `swap` with the chart once its code has arrived, whoever fetched it: one waiting graphic a
 * frame, each in a task of its own after that frame. Every graphic of the page swapping its list for
 * its chart in the task that brought the code, then laying them all out, was 60-80 ms and 50 ms of
 * work at 4x CPU at the app's start (README, Budgets). Returns the cancel.
 */
export function whenChartArrives(swap: Swap): () => void {
  waiting.push(swap);
  if (loaded) drain();
  return () => {
    waiting = waiting.filter((w) => w !== swap);
  };
}

function drain(): void {
  if (draining) return;
  draining = true;
  const next = () => {
    const swap = waiting.shift();
    if (!swap || !loaded) return void (draining = false);
    swap(loaded);
    requestAnimationFrame(() => setTimeout(next));
  };
  requestAnimationFrame(() => setTimeout(next));
}
