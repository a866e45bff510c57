import type { Component } from 'svelte';
import { chartArrival, loadedChart } from '../charts/load';
import type { ChartProps } from '../charts/types';
import { afterSettle } from '../scroll/settle';

type Swap = (chart: Component<ChartProps>) => void;
interface Waiting {
  swap: Swap;
  near: boolean;
}

let waiting: Waiting[] = [];
let scheduled = false;

/**
 * Calls `swap` with the chart once its code has arrived, the graphic is near the screen (`near`) and
 * the reader is at rest (`scroll/settle.ts`): one graphic a settle, each in a task of its own. A
 * graphic's first mount is about 50 ms of script at 4x CPU, then 10-23 ms of layout: every graphic
 * swapping in the task that brought the code was one long task, a swap mid-fling a long frame, and a
 * graphic far from the reader need not pay it yet (README, Budgets).
 */
export function swapAtRest(swap: Swap): { near: (near: boolean) => void; cancel: () => void } {
  const entry: Waiting = { swap, near: false };
  waiting.push(entry);
  return {
    near(near) {
      entry.near = near;
      if (near) void chartArrival().then(next);
    },
    cancel() {
      waiting = waiting.filter((w) => w !== entry);
    },
  };
}

function next(): void {
  if (scheduled || !waiting.some((w) => w.near)) return;
  scheduled = true;
  afterSettle(() => {
    scheduled = false;
    const entry = waiting.find((w) => w.near);
    const chart = loadedChart();
    if (!entry || !chart) return;
    waiting = waiting.filter((w) => w !== entry);
    entry.swap(chart);
    next();
  });
}
