import { numberText } from '../data/format';

/** What a graphic shows: `wait` nothing yet (marks and numbers unseen), `play` its reveal now, `still` its final state at once. */
export type Reveal = 'wait' | 'play' | 'still';

/** A reveal's length (ms): every mark and number starts and ends within it. */
export const REVEAL_MS = 1000;

/** Ease-out cubic, for the marks (CSS) and the numbers (script) alike. */
const EASING = 'cubic-bezier(0.215, 0.61, 0.355, 1)';
const easeOut = (t: number) => 1 - (1 - t) ** 3;

/**
 * How each kind of mark (`data-mark`) enters: always by transform or opacity, which the compositor
 * animates, and always on an element (a box, or an SVG of its own): Chromium animates a shape inside
 * an SVG on the main thread, a paint every frame.
 */
function keyframes(mark: SVGElement | HTMLElement): Keyframe[] {
  switch (mark.dataset.mark) {
    case 'grow': // a bar, from its start
      return [{ transform: 'scaleX(0)' }, { transform: 'none' }];
    case 'tilt': // a line, from level
      return [{ transform: 'scaleY(0)' }, { transform: 'none' }];
    case 'move': // a dot's layer, from `data-dy` hundredths of its height away
      return [{ transform: `translateY(${Number(mark.dataset.dy) || 0}%)` }, { transform: 'none' }];
    default: // 'fade': squares, row by row
      return [{ opacity: 0 }, { opacity: 1 }];
  }
}

/** When an element's part of the reveal runs, as fractions of it: `data-at` (start) and `data-share` (length). */
function timing(el: SVGElement | HTMLElement): { at: number; share: number } {
  const at = Number(el.dataset.at);
  const share = Number(el.dataset.share);
  return { at: at >= 0 && at < 1 ? at : 0, share: share > 0 && share <= 1 ? share : 1 };
}

interface Count {
  el: HTMLElement;
  at: number;
  share: number;
  from: number;
  to: number;
  spec: Parameters<typeof numberText>[1];
  text: string;
}

function counts(graphic: HTMLElement): Count[] {
  return Array.from(graphic.querySelectorAll<HTMLElement>('[data-count]'), (el) => {
    const [from, to, divisor, decimals] = (el.dataset.count ?? '').split(' ').map(Number);
    const spec = { divisor: divisor || 1, decimals: decimals || 0, grouping: el.dataset.grouping !== undefined };
    return { el, ...timing(el), from: from || 0, to: to || 0, spec, text: el.textContent ?? '' };
  });
}

/** Each graphic's running reveal, by its stop. */
const running = new WeakMap<HTMLElement, () => void>();

const motionAllowed = () => !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Sets a graphic (an element holding marks and counted numbers, in their final geometry) to `state`,
 * and returns the stop of its reveal. `data-reveal` says the state to CSS (which hides what waits),
 * `data-state` what the reader sees (`waiting`, `animating`, `done`). A reveal animates each mark
 * (`data-mark`) with the Web Animations API and writes each number (`data-count`: from, to, divisor,
 * decimals) at most once a frame: nothing is mounted, measured or laid out but the numbers' own boxes.
 * With reduced motion, `play` is `still`.
 */
export function setReveal(graphic: HTMLElement, state: Reveal): () => void {
  const play = state === 'play' && motionAllowed();
  const stopped = running.get(graphic);
  stopped?.(); // not getAnimations(): it brings the page's style up to date first, a forced recalc
  running.delete(graphic);
  // Numbers already at their final text (the built page; a reveal that ran to its end) stay as they
  // are: reading and formatting them all for nothing was most of the story's start.
  if (!play && !stopped && graphic.dataset.state !== 'animating') {
    graphic.dataset.reveal = state === 'play' ? 'still' : state;
    graphic.dataset.state = state === 'wait' ? 'waiting' : 'done';
    return () => {};
  }
  const numbers = counts(graphic);
  const write = (c: Count, text: string) => {
    if (text !== c.text) c.el.textContent = c.text = text;
  };
  const settle = () => {
    for (const c of numbers) {
      delete c.el.dataset.pending;
      write(c, numberText(c.to, c.spec));
    }
  };
  graphic.dataset.reveal = state === 'play' && !play ? 'still' : state;
  if (state === 'wait') {
    settle(); // the final text, unseen: a reader without motion, or a page read as text, finds it there
    graphic.dataset.state = 'waiting';
    return () => {};
  }
  if (!play) {
    settle();
    graphic.dataset.state = 'done';
    return () => {};
  }
  graphic.dataset.state = 'animating';
  // Large type (lib/largeType.ts) is for readers the motion should not keep waiting: half as long.
  const length = document.documentElement.dataset.type === 'large' ? REVEAL_MS / 2 : REVEAL_MS;
  // Where the Web Animations API is missing (an old browser, jsdom), the marks simply appear.
  const marks = Array.from(graphic.querySelectorAll<SVGElement | HTMLElement>('[data-mark]'), (mark) => {
    const { at, share } = timing(mark);
    return mark.animate?.(keyframes(mark), { delay: at * length, duration: share * length, easing: EASING, fill: 'backwards' });
  });
  for (const c of numbers) {
    c.el.dataset.pending = ''; // no number shows before its own start: not a 0 the figure is not
    write(c, numberText(c.from, c.spec));
  }
  let frame = 0;
  let start = -1;
  const tick = (now: number) => {
    if (start < 0) start = now;
    const p = (now - start) / length;
    for (const c of numbers) {
      const local = (p - c.at) / c.share;
      if (local <= 0) continue;
      delete c.el.dataset.pending;
      write(c, numberText(c.from + (c.to - c.from) * easeOut(Math.min(1, local)), c.spec));
    }
    if (p < 1) frame = requestAnimationFrame(tick);
    else {
      settle();
      graphic.dataset.state = 'done';
    }
  };
  frame = requestAnimationFrame(tick);
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const m of marks) m?.cancel();
    if (running.get(graphic) === stop) running.delete(graphic);
  };
  running.set(graphic, stop);
  return stop;
}
