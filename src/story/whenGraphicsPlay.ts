import type { Attachment } from 'svelte/attachments';
import { customMedia } from '../breakpoints';
import { setReveal } from '../charts/reveal';
import { cancelIdle, whenIdle } from '../lib/idle';
import { scrollSteps } from '../scroll/scrollSteps';
import { TRIGGER_LINE, type Engine } from '../scroll/types';

/*
 * When a graphic plays: the story page's one rule.
 *
 * Each theme has a sticky panel that holds every one of its steps' graphics, written by the build in
 * their final geometry; only one is shown at a time. As the reader scrolls:
 * - the step whose top passes the trigger line is the active one: its words are highlighted, its
 *   section named over the panel, and its graphic shown, waiting (marks and numbers unseen). The
 *   line is TRIGGER_LINE, or just under the panel where a phone's panel reaches lower (large type):
 *   the words at the panel's edge are always those of the graphic it shows;
 * - once the reader rests there (SETTLE_MS with the page moving slower than a fling), it plays.
 *   A step flung past is shown for a moment, empty, and never plays;
 * - a graphic the reader leaves waits again, so coming back to it plays it again;
 * - a graphic already on screen when this starts (the page was read before its script ran) stays
 *   as it was seen, in full.
 * Everything here is attributes on markup that is already there (`data-active`, `data-current`,
 * `data-shown`, and the graphic's `data-reveal`): the same code drives the built page, enhanced
 * without Svelte (story/enhance.ts), and the story drawn by Svelte (ThemeStory).
 * Elsewhere a graphic plays the moment it is shown (slides, phones in the hall: a clicker is
 * immediate; an embed's card reaching the line), and previews and print show it still: whoever
 * shows it passes `reveal` to StepGraphic.
 */

/** How long the reader stays at a step before its graphic plays. */
export const SETTLE_MS = 150;
/** Faster than this, in screens a second, the reader is flinging, not reading. */
export const FLING_SCREENS_PER_S = 1.5;

/** How far under a phone's panel the trigger line sits when the panel reaches below TRIGGER_LINE, in screens. */
export const UNDER_PANEL = 0.06;

/** The trigger line, as a fraction of the screen, for a panel above the steps whose bottom is `panelBottom` px down a screen `screen` px tall. */
export const lineUnder = (panelBottom: number, screen: number): number =>
  Math.min(0.9, Math.max(TRIGGER_LINE, panelBottom / screen + UNDER_PANEL));

/**
 * Calls `fn` once the reader has settled: `SETTLE_MS` have passed and, over the last of them, the
 * page moved slower than a fling. `from` is where the page stood at the start, read by the caller
 * before it changes the page: read after, `scrollY` makes the browser lay the page out there and
 * then, a second time in the frame. A page that does not scroll itself (an embed that the host page
 * scrolls) settles after `SETTLE_MS`. Returns the cancel.
 */
export function afterSettle(fn: () => void, from = window.scrollY): () => void {
  let timer = 0;
  const check = () => {
    const y = window.scrollY;
    const speed = (Math.abs(y - from) / window.innerHeight) * (1000 / SETTLE_MS);
    if (speed <= FLING_SCREENS_PER_S) return fn();
    from = y;
    timer = window.setTimeout(check, SETTLE_MS);
  };
  timer = window.setTimeout(check, SETTLE_MS);
  return () => clearTimeout(timer);
}

interface Options {
  /** Called with the section id (`data-section` of the step) whenever one of its steps becomes active */
  onSection?: (sectionId: string) => void;
  /** What moves the steps: scrollama on the page (the default) */
  engine?: Engine;
}

/**
 * The rule above, for one theme: the element holding its `[data-step]`s (each with `data-section`),
 * one `[data-slot]` per step in the panel (its graphic inside, `[data-graphic]`), the running
 * head's `[data-head]`s (a section id each), and the sticky panel, `[data-panel]`.
 */
export function whenGraphicsPlay({ onSection, engine = scrollSteps }: Options = {}): Attachment<HTMLElement> {
  return (theme) => {
    const steps = Array.from(theme.querySelectorAll<HTMLElement>('[data-step]'));
    const slots = new Map(Array.from(theme.querySelectorAll<HTMLElement>('[data-slot]'), (s) => [s.dataset.slot, s]));
    const heads = Array.from(theme.querySelectorAll<HTMLElement>('[data-head]'));
    const graphicOf = (step: HTMLElement) => slots.get(step.dataset.step)?.querySelector<HTMLElement>('[data-graphic]') ?? null;
    let active = Math.max(0, steps.findIndex((s) => s.hasAttribute('data-active')));
    for (const step of steps) {
      const graphic = graphicOf(step);
      if (graphic && step !== steps[active]) setReveal(graphic, 'wait');
    }
    // Whether the active one is on screen is asked of an observer, after the next layout: asked of
    // the element itself, right after the writes above, it laid the page out there and then.
    const first = graphicOf(steps[active]);
    const firstSeen = new IntersectionObserver(([entry]) => {
      firstSeen.disconnect();
      if (!entry.isIntersecting && first?.dataset.reveal === 'still') setReveal(first, 'wait'); // untouched by the reader meanwhile
    });
    if (first) firstSeen.observe(first);
    // Each graphic is laid out once, ahead of its step, when the browser is idle: shown straight from
    // `display: none`, a graphic's first layout (and its type's first glyphs) fell in the frame of its
    // step's switch, 30-40 ms at 4x CPU.
    let ahead = 0;
    const layOutAhead = () => {
      const slot = slots.get(steps[ahead]?.dataset.step);
      if (!slot) return;
      slot.setAttribute('data-ready', '');
      ahead += 1;
      idle = whenIdle(layOutAhead);
    };
    let idle = whenIdle(layOutAhead);
    let seen = false; // some of the theme is on screen: a settle the reader has scrolled away from plays nothing
    const io = new IntersectionObserver((entries) => (seen = entries[entries.length - 1].isIntersecting));
    io.observe(theme);
    let stop = () => {};
    let cancelSettle = () => {};

    const activate = (index: number) => {
      const y = window.scrollY; // before any change: see afterSettle
      const [was, now] = [steps[active], steps[index]];
      if (was !== now) {
        stop();
        was.removeAttribute('data-active');
        slots.get(was.dataset.step)?.removeAttribute('data-shown');
        const left = graphicOf(was);
        if (left) setReveal(left, 'wait');
        now.setAttribute('data-active', '');
        slots.get(now.dataset.step)?.setAttribute('data-shown', '');
        for (const head of heads) head.toggleAttribute('data-current', head.dataset.head === now.dataset.section);
        active = index;
      }
      if (now.dataset.section) onSection?.(now.dataset.section);
      cancelSettle();
      cancelSettle = afterSettle(() => {
        const graphic = graphicOf(steps[active]);
        if (seen && graphic?.dataset.reveal === 'wait') stop = setReveal(graphic, 'play');
      }, y);
    };

    // The engine, at the line for the panel's size and place: set again when they change (large type
    // switched or resized, which also reflows the theme; the phone turned). Both are read where the
    // browser reports a size, after a layout.
    let line = 0;
    let detach: ReturnType<ReturnType<Engine>>;
    const attachAt = (next: number) => {
      if (next === line) return;
      line = next;
      if (typeof detach === 'function') detach();
      detach = engine({ offset: line, onEnter: ({ index }) => activate(index) })(theme);
    };
    const panel = theme.querySelector<HTMLElement>('[data-panel]');
    const sized = panel && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => attachAt(lineFor(panel))) : null;
    if (panel && sized) [panel, theme].forEach((el) => sized.observe(el));
    else attachAt(TRIGGER_LINE);
    return () => {
      stop();
      cancelSettle();
      cancelIdle(idle);
      io.disconnect();
      firstSeen.disconnect();
      sized?.disconnect();
      if (typeof detach === 'function') detach();
    };
  };
}

/** The trigger line for a theme's panel: under it on a phone (the panel above the steps, stuck at its `top`), else TRIGGER_LINE. */
function lineFor(panel: HTMLElement): number {
  if (!window.matchMedia(customMedia.narrow).matches) return TRIGGER_LINE;
  return lineUnder(parseFloat(getComputedStyle(panel).top) + panel.getBoundingClientRect().height, window.innerHeight);
}
