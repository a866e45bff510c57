import type { Component } from 'svelte';
import type { ChartProps } from './types';

let pending: Promise<Component<ChartProps>> | undefined;
let loaded: Component<ChartProps> | undefined;

/**
 * The charts (and the D3 they use) are their own chunk, fetched once when a graphic first nears the
 * screen: the first view of the page needs none of them.
 */
export function loadChart(): Promise<Component<ChartProps>> {
  return (pending ??= import('./Chart.svelte').then((m) => (loaded = m.default)));
}

/** The chart component if it has arrived, else undefined (always so on the server). */
export const loadedChart = (): Component<ChartProps> | undefined => loaded;
