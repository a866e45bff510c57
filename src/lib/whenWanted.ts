import { langOfUrl, type Lang } from './lang';

/**
 * Whether the built page can wait for its reader before the app starts: the story, in the language it
 * was built in, with no place asked for. Its first screen is the built HTML, and needs no code; any
 * other page starts at once (a mode, a place to scroll to, the other language to draw).
 */
export function canWait(url: Pick<Location, 'search' | 'hash' | 'pathname'>, built: Lang, languages?: readonly string[]): boolean {
  const query = new URLSearchParams(url.search);
  const mode = query.get('mode');
  return (
    (mode === null || mode === 'story') &&
    !query.has('section') &&
    !query.has('step') &&
    url.hash.length <= 1 &&
    langOfUrl(query, url.pathname, languages) === built
  );
}

/** What a reader does first on a page they are about to use: any of them starts the story. */
const GESTURES = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll'] as const;

/**
 * Resolves at the reader's first gesture, or once `near` (the first theme) comes within a screen of
 * view, whichever is first. A button pressed before then is pressed again by `replay`, once the story
 * is live (links work without the app).
 */
export function whenWanted(near: Element | null): { wanted: Promise<void>; replay: () => void } {
  let pressed: HTMLButtonElement | null = null;
  const press = (event: Event) => {
    pressed = (event.target as Element | null)?.closest?.('button') ?? pressed;
  };
  addEventListener('click', press, { capture: true });
  const wanted = new Promise<void>((resolve) => {
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: '0px 0px 100% 0px' });
    function go() {
      for (const type of GESTURES) removeEventListener(type, go, { capture: true });
      seen.disconnect();
      resolve();
    }
    for (const type of GESTURES) addEventListener(type, go, { capture: true, passive: true });
    if (near) seen.observe(near);
  });
  const replay = () => {
    removeEventListener('click', press, { capture: true });
    if (pressed?.isConnected) pressed.click();
  };
  return { wanted, replay };
}
