import { cancelIdle, whenIdle } from './idle';
import { langOfUrl, type Lang } from './lang';
import { isMode, MODE_FACTS } from './modes';

/**
 * Whether this page is the built story as it stands, to be enhanced rather than drawn: the story, in
 * the language it was built in (a `#place` is fine: the browser scrolls to it). Any other page (a
 * mode, a `?section` to scroll to, the other language to draw) starts the whole app at once.
 */
export function canWait(url: Pick<Location, 'search' | 'hash' | 'pathname'>, built: Lang, languages?: readonly string[]): boolean {
  const query = new URLSearchParams(url.search);
  const mode = query.get('mode'); // an unknown mode is the story, drawn by the app: not the built page as it stands
  return (mode === null || (isMode(mode) && MODE_FACTS[mode].builtPage)) && !query.has('section') && !query.has('step') && langOfUrl(query, url.pathname, languages) === built;
}

/** What a reader does first on a page they are about to use: any of them, or a pointer that moves, starts the story at once. */
const GESTURES = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll'] as const;

/** Data Saver: nothing the reader has not asked for by a gesture. */
const savesData = () => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/**
 * Resolves when the browser is first idle after the page has loaded, or at the reader's first gesture
 * if that comes first (with Data Saver on, only then). A button pressed before then is pressed again
 * by `replay`, once the story is live (links work without scripts).
 */
export function whenWanted(): { wanted: Promise<void>; replay: () => void } {
  let pressed: HTMLElement | null = null;
  const press = (event: Event) => {
    pressed = (event.target as Element | null)?.closest?.<HTMLElement>('button') ?? pressed;
  };
  addEventListener('click', press, { capture: true });
  const wanted = new Promise<void>((resolve) => {
    let idle = 0;
    // A browser may send a pointer that has not moved when the layout shifts under it: not a reader.
    const moved = (event: PointerEvent) => (event.movementX !== 0 || event.movementY !== 0) && go();
    function go() {
      for (const type of GESTURES) removeEventListener(type, go, { capture: true });
      removeEventListener('pointermove', moved, { capture: true });
      removeEventListener('load', afterLoad);
      cancelIdle(idle);
      resolve();
    }
    function afterLoad() {
      idle = whenIdle(go, { timeout: 3000, fallback: 200 });
    }
    for (const type of GESTURES) addEventListener(type, go, { capture: true, passive: true });
    addEventListener('pointermove', moved, { capture: true, passive: true });
    if (savesData()) return;
    if (document.readyState === 'complete') afterLoad();
    else addEventListener('load', afterLoad, { once: true });
  });
  const replay = () => {
    removeEventListener('click', press, { capture: true });
    if (pressed?.isConnected) pressed.click();
  };
  return { wanted, replay };
}
