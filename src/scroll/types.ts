import type { Attachment } from 'svelte/attachments';

/** A step crossing the trigger line. */
export interface StepEvent {
  /** Index of the step among the container's `[data-step]` elements */
  index: number;
  direction: 'up' | 'down';
}

export interface EngineOptions {
  /** Where the trigger line sits, as a fraction of the reader's screen from its top */
  offset: number;
  /** Called when a step crosses the trigger line, scrolling either way */
  onEnter: (event: StepEvent) => void;
}

/** What moves the steps: an attachment for the element that holds the `[data-step]` elements. */
export type Engine = (options: EngineOptions) => Attachment<HTMLElement>;

/** The trigger line: a step enters when its top passes 60 % of the reader's screen. */
export const TRIGGER_LINE = 0.6;

/** Where the reader's screen lies over this page when another page scrolls it (a host page over its iframe). */
export interface Viewport {
  /** The screen's height, in CSS pixels */
  height: number;
  /** This page's top edge relative to the screen's top (negative once scrolled past) */
  top: number;
}

/** Anything that can tell where the reader's screen lies over this page. */
export interface ViewportSource {
  /** Hears every report; returns the unsubscribe */
  onViewport(listener: (v: Viewport) => void): () => void;
  /** Asks for a report now (answered, if at all, through `onViewport`) */
  request(): void;
}
