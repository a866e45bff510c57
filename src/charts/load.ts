import type { Component } from 'svelte';
import { lazy } from '../lib/lazy';
import type { ChartProps } from './types';

let pending: Promise<Component<ChartProps>> | undefined;
let loaded: Component<ChartProps> | undefined;

/**
 * The charts (and the D3 they use) are their own chunk, fetched once when a graphic first nears the
 * screen: the first view of the page needs none of them. A failure is forgotten, so that the next
 * graphic to near the screen asks again.
 */
export function loadChart(): Promise<Component<ChartProps>> {
  pending ??= lazy(() => import('./Chart.svelte')).then(
    (m) => (loaded = m.default),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** The chart component if it has arrived, else undefined (always so on the server). */
export const loadedChart = (): Component<ChartProps> | undefined => loaded;
