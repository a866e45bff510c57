import type { Component } from 'svelte';
import { lazy } from '../lib/lazy';
import type { ChartProps } from './types';

let pending: Promise<Component<ChartProps>> | undefined;
let loaded: Component<ChartProps> | undefined;
let arrived: (chart: Component<ChartProps>) => void;
const arrival = new Promise<Component<ChartProps>>((resolve) => (arrived = resolve));

/**
 * The charts (and the D3 they use) are their own chunk, fetched once: by the app's start, or by a
 * graphic nearing the screen if that failed. The first view of the page needs none of them. A failure
 * is forgotten, so that the next graphic to near the screen asks again.
 */
export function loadChart(): Promise<Component<ChartProps>> {
  pending ??= lazy(() => import('./Chart.svelte')).then(
    (m) => {
      loaded = m.default;
      arrived(loaded);
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

/** Resolves when the chart code has arrived, whoever fetched it; never rejects. */
export const chartArrival = (): Promise<Component<ChartProps>> => arrival;
