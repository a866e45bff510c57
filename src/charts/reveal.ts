import { numberText } from '../data/format';

/** What a graphic shows: `wait` nothing yet (marks and numbers unseen), `play` its reveal now, `still` its final state at once. */
export type Reveal = 'wait' | 'play' | 'still';


/** A reveal's length (ms): every mark and number starts and ends within it. */
export const REVEAL_MS = 1000;

/** Ease-out cubic, for the marks (CSS) and the numbers (script) alike. */
const EASING = 'cubic-bezier(0.215, 0.61, 0.355, 1)';
const easeOut = (t: number) => 1 - (1 - t) ** 3;

/**
 * How each kind of mark (`data-mark`) enters: always by transform or opacity. The marks are shapes
 * inside their SVG, which Chromium animates on the main thread; an SVG layer of its own for each
 * (which the compositor animates) measured worse on a phone's two cores: docs/decisions.md.
 */
function keyframes(mark: SVGElement | HTMLElement): Keyframe[] {
  switch (mark.dataset.mark) {
    case 'grow': // a bar, from its start
      return [{ transform: 'scaleX(0)' }, { transform: 'none' }];
    case 'tilt': // a line, from level
      return [{ transform: 'scaleY(0)' }, { transform: 'none' }];
    case 'move': // a dot, from `data-dy` user units away
      return [{ transform: `translateY(${Number(mark.dataset.dy) || 0}px)` }, { transform: 'none' }];
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
 * decimals) at most every COUNT_EVERY_MS: nothing is mounted, measured or laid out but the numbers' own boxes.
 * With reduced motion, `play` is `still`.
 */
export function setReveal(graphic: HTMLElement, state: Reveal): () => void {
  const play = state === 'play' && motionAllowed();
  const stopped = untell(graphic) || running.get(graphic);
  running.get(graphic)?.(); // not getAnimations(): it brings the page's style up to date first, a forced recalc
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
  const marks = Array.from(graphic.querySelectorAll<SVGElement | HTMLElement>('[data-mark]'), (mark) => ({ mark, ...timing(mark) }));
  const stop = run(marks, numbers, () => {
    settle();
    graphic.dataset.state = 'done';
  });
  const end = () => {
    stop();
    if (running.get(graphic) === end) running.delete(graphic);
  };
  running.set(graphic, end);
  return end;
}

/**
 * A running count writes its number at most this often (20 times a second, which the eye still reads
 * as counting). Each write lays out and paints the number: written every frame, the counts made most
 * of a quick reader's slow frames on a phone at 4x CPU (about 10 % of frames over 25 ms; 3 % with no
 * reveal at all; about 5.5 % at this rate: docs/decisions.md).
 */
const COUNT_EVERY_MS = 50;

/** How long a reveal runs: large type (lib/largeType.ts) is for readers the motion should not keep waiting, half as long. */
const revealLength = () => (document.documentElement.dataset.type === 'large' ? REVEAL_MS / 2 : REVEAL_MS);

/**
 * Runs marks and numbers through one reveal, each in its own part of it (`at`, `share`), then calls
 * `done`. Returns the stop (which leaves numbers where they stand; the caller settles them).
 */
function run(marks: { mark: SVGElement | HTMLElement; at: number; share: number }[], numbers: Count[], done: () => void): () => void {
  const length = revealLength();
  // Where the Web Animations API is missing (an old browser, jsdom), the marks simply appear.
  const animations = marks.map(({ mark, at, share }) =>
    mark.animate?.(keyframes(mark), { delay: at * length, duration: share * length, easing: EASING, fill: 'backwards' }),
  );
  for (const c of numbers) {
    c.el.dataset.pending = ''; // no number shows before its own start: not a 0 the figure is not
    if (c.text !== numberText(c.from, c.spec)) c.el.textContent = c.text = numberText(c.from, c.spec);
  }
  let frame = 0;
  let start = -1;
  let written = -Infinity;
  const tick = (now: number) => {
    if (start < 0) start = now;
    const p = (now - start) / length;
    if (p < 1 && now - written < COUNT_EVERY_MS) {
      frame = requestAnimationFrame(tick);
      return;
    }
    written = now;
    for (const c of numbers) {
      const local = (p - c.at) / c.share;
      if (local <= 0) continue;
      delete c.el.dataset.pending;
      const text = numberText(c.from + (c.to - c.from) * easeOut(Math.min(1, local)), c.spec);
      if (text !== c.text) c.el.textContent = c.text = text;
    }
    if (p < 1) frame = requestAnimationFrame(tick);
    else done();
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    for (const a of animations) a?.cancel();
  };
}

/** The figures told so far in each graphic (`tellFigure`), by their stops. */
const tells = new WeakMap<HTMLElement, Set<() => void>>();

/** Stops every figure told in `graphic` and takes their marks back. Returns whether there were any. */
function untell(graphic: HTMLElement): boolean {
  const stops = tells.get(graphic);
  if (!stops) return false;
  for (const stop of stops) stop();
  tells.delete(graphic);
  for (const el of graphic.querySelectorAll('[data-told]')) el.removeAttribute('data-told');
  return true;
}

/**
 * Reveals one figure of a graphic, as a narrator names it (listen/): its marks (`data-of`) and its
 * number (`[data-figure]`), in the figure's own part of the reveal stretched over the whole length.
 * The rest of the graphic stays unseen (`data-reveal="tell"`) until told in turn. With reduced
 * motion, the figure simply appears. Returns the stop, which sets the figure's number final.
 */
export function tellFigure(graphic: HTMLElement, id: string): () => void {
  const value = graphic.querySelector<HTMLElement>(`[data-figure="${CSS.escape(id)}"]`);
  const own = Array.from(graphic.querySelectorAll<SVGElement | HTMLElement>(`[data-mark][data-of="${CSS.escape(id)}"]`));
  if (!value && own.length === 0) return () => {};
  if (graphic.dataset.reveal !== 'tell') {
    running.get(graphic)?.();
    running.delete(graphic);
    graphic.dataset.reveal = 'tell';
  }
  for (const el of [...own, value]) el?.setAttribute('data-told', '');
  const numbers = value ? counts(value) : [];
  const settle = () => {
    for (const c of numbers) {
      delete c.el.dataset.pending;
      const text = numberText(c.to, c.spec);
      if (text !== c.text) c.el.textContent = c.text = text;
    }
  };
  if (!motionAllowed()) {
    settle();
    return () => {};
  }
  // The figure's part of the whole reveal, from its first start to its last end, made the whole.
  const parts = [...own, ...numbers.map((c) => c.el)].map(timing);
  const from = Math.min(...parts.map((p) => p.at));
  const span = Math.max(...parts.map((p) => p.at + p.share)) - from || 1;
  const local = <T extends { at: number; share: number }>(t: T): T => ({ ...t, at: (t.at - from) / span, share: t.share / span });
  const stops = tells.get(graphic) ?? new Set();
  tells.set(graphic, stops);
  const stop = run(own.map((mark) => local({ mark, ...timing(mark) })), numbers.map(local), () => {
    settle();
    stops.delete(end);
  });
  const end = () => {
    stop();
    settle();
    stops.delete(end);
  };
  stops.add(end);
  return end;
}
