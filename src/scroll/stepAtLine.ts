import type { StepEvent } from './types';

/** A top edge in this document's coordinates. */
const docTop = (el: Element) => el.getBoundingClientRect().top + window.scrollY;

/** The index of the last step whose top is above `line` (document coordinates), or -1. */
export function indexAtLine(tops: readonly number[], line: number): number {
  let index = -1;
  tops.forEach((top, i) => {
    if (top <= line) index = i;
  });
  return index;
}

/** Tracks which of `steps` is at a line, reporting each change as a step entering. */
export function stepTracker(steps: readonly Element[], onEnter: (e: StepEvent) => void) {
  let active = -1;
  const enter = (index: number) => {
    if (index < 0 || index === active) return;
    const direction = index > active ? 'down' : 'up';
    active = index;
    onEnter({ index, direction });
  };
  return {
    enter,
    /** The step at `line`, in this document's coordinates */
    atLine: (line: number) => enter(indexAtLine(steps.map(docTop), line)),
  };
}
