/**
 * The screen widths where a layout changes, once. CSS names them as custom media (`@media (--wide)`),
 * which the build writes out from this table (vite.media.ts) and refuses any other width there;
 * scripts and tests read the numbers here.
 */

/** From this width the story's graphic and its steps stand side by side, not one above the other. */
export const WIDE_PX = 768;

/** Each named media query, by the name CSS uses after `--`. */
export const customMedia = {
  /** Graphic beside the steps, the top bar's theme links shown */
  wide: `(min-width: ${WIDE_PX}px)`,
  /** A phone: the graphic above the steps */
  narrow: `(max-width: ${WIDE_PX - 1}px)`,
  /** The speaker view on a phone (the hall's remote): one column */
  remote: '(max-width: 40rem)',
  /** A short phone screen (360x640): the story's sticky graphic takes more of it (app.css --sticky-panel) */
  short: '(max-height: 700px)',
} as const;
