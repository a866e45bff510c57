import { isPlaceId } from '../data/story';
import { bootFailed } from '../lib/bootFailed';
import { lazy, onBeforeReload } from '../lib/lazy';
import type { Lang } from '../lib/lang';
import { idFromHash, withHash } from '../lib/params';
import { siteFolder } from '../lib/siteFolder';
import { UrlWriter } from '../lib/urlWriter';
import { startOffline } from '../offline/start';
import { whenGraphicsPlay } from './whenGraphicsPlay';

/**
 * Brings the built story page to life without drawing it again. The build wrote every step's text
 * and graphic; reading needs only the rule for when a graphic plays (whenGraphicsPlay.ts) and the
 * address bar following the reader: a few event listeners, no Svelte, no words to load, no task a
 * reader could feel. The first control that needs the app (Share, Embed, the language switch, a
 * new build's offer) hydrates it over the same page, and is then pressed again for the reader.
 */
export function enhance(built: Lang): void {
  const urls = new UrlWriter();
  const flush = () => urls.flush();
  onBeforeReload(flush); // a recovery reload opens where the reader was
  addEventListener('pagehide', flush); // so does a reload, or the back button
  const onSection = (id: string) => {
    if (idFromHash(location.hash, isPlaceId) !== id) urls.update((href) => withHash(href, id));
  };
  const themes = Array.from(document.querySelectorAll<HTMLElement>('#app section[data-theme]'));
  const detach = themes.map((theme) => whenGraphicsPlay({ onSection })(theme));

  let upgrading = false;
  const upgrade = (control?: HTMLElement) => {
    if (upgrading) return;
    upgrading = true;
    removeEventListener('click', onClick, true);
    removeEventListener('pagehide', flush);
    for (const stop of detach) if (typeof stop === 'function') stop();
    flush();
    lazy(() => import('../start'))
      .then(({ start }) => start(built, { upgrade: true }))
      .then(() => control?.isConnected && control.click())
      .catch(bootFailed);
  };
  function onClick(event: MouseEvent) {
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('#app button, #app a[hreflang]');
    if (!control) return;
    event.preventDefault();
    event.stopPropagation();
    upgrade(control);
  }
  addEventListener('click', onClick, true);
  startOffline('story', siteFolder(), () => upgrade()); // its offer is the app's (UpdatePrompt)
  document.documentElement.dataset.ready = ''; // the page is live: tests and embeds wait for this
}
