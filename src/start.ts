import { hydrate, mount, tick } from 'svelte';
import App from './App.svelte';
import { isPlaceId } from './data/story';
import { hallAudience, type Hall } from './hall/hallAudience';
import { I18n, loadMessages, STORY_PARTS, type Part } from './lib/i18n.svelte';
import { htmlLang, type Lang } from './lib/lang';
import { lazy, onBeforeReload } from './lib/lazy';
import { MODE_FACTS } from './lib/modes';
import { idFromHash, parseParams, withHash, withLang, withSlide } from './lib/params';
import { relativeRoot, type Site } from './lib/site';
import { siteFolder } from './lib/siteFolder';
import { UrlWriter } from './lib/urlWriter';
import { startOffline } from './offline/start';
import { update } from './offline/update.svelte';
import { keepPlace } from './scroll/keepPlace';

/**
 * Starts the app on the page: hydrates the built story, or draws the view the URL asks for.
 * `built` is the language the build wrote the page in (main.ts reads it before anything changes it).
 * `upgrade`: the page was enhanced (story/enhance.ts) and the reader is somewhere in it: stay there.
 */
export async function start(built: Lang, { upgrade = false } = {}): Promise<void> {
  const params = parseParams(location.search, location.hash, isPlaceId, navigator.languages, location.pathname);
  const urls = new UrlWriter();
  onBeforeReload(() => urls.flush()); // a recovery reload opens where the reader was
  addEventListener('pagehide', () => urls.flush()); // so does a reload, or the back button
  const facts = MODE_FACTS[params.mode];
  // The built page is the whole story: a mode that draws its own view clears it first, so that an
  // embed's host never sizes its frame to the whole story, nor a projector shows it, while words load.
  const target = document.getElementById('app')!;
  if (!facts.builtPage) target.replaceChildren();
  // An embed tells its pym host its height even if its view fails to load (else: a blank 150 px frame).
  // Only embeds fetch the protocol's code; a stale deploy's missing chunk recovers like any other.
  const pym = facts.hosted ? lazy(() => import('./embed/pymChild')).then(({ childIdFrom, PymChild }) => {
    const id = childIdFrom(location.search);
    const child = id ? new PymChild(id) : null;
    child?.start();
    return child;
  }) : Promise.resolve(null);
  // Offline after the first visit (src/offline): a service worker, not in the single file nor in dev.
  if (import.meta.env.PROD && import.meta.env.MODE !== 'offline') startOffline(params.mode, siteFolder(), (worker) => (update.waiting = worker));
  const site: Site = {
    root: relativeRoot(location.href, siteFolder()),
    offline: import.meta.env.MODE === 'offline',
    url: __SITE_URL__,
  };
  // The speaker view's deck session, kept in the URL so that a reload and the audience window share it.
  if (params.mode === 'presenter' && !params.session) {
    params.session = crypto.randomUUID().replaceAll('-', '').slice(0, 16);
    const url = new URL(location.href);
    url.searchParams.set('session', params.session);
    history.replaceState(history.state, '', url.href);
  }
  // Only this language's words, and only the files this mode needs: a key missing in English
  // fetches the Chinese fallback when needed.
  const parts: readonly Part[] = facts.slides ? [...STORY_PARTS, 'present'] : STORY_PARTS;
  // The venue server (npm run hall) marks its pages with the audience address: then the live channel is on.
  const audience = import.meta.env.MODE === 'offline' ? null : hallAudience(document);
  const hall: Hall | null = audience ? { audience, root: siteFolder() } : null;
  const i18n = new I18n(params.lang, { [params.lang]: await loadMessages(params.lang, parts) }, parts);
  document.documentElement.lang = htmlLang(params.lang);

  const onLang = (lang: Lang) =>
    keepPlace(async () => {
      await i18n.setLang(lang);
      document.documentElement.lang = htmlLang(lang);
      urls.update((href) => withLang(href, lang));
    });
  const onSection = (id: string) => {
    if (idFromHash(location.hash, isPlaceId) !== id) urls.update((href) => withHash(href, id));
  };
  const onSlide = (n: number) => urls.update((href) => withSlide(href, n, params.mode, i18n.lang));
  const audienceUrl = (n: number) => withSlide(location.href, n, 'present', i18n.lang);

  const props = { i18n, params, site, onLang, onSection, onSlide, audienceUrl, pym: await pym, hall };
  // The built page holds the story: hydrate it when it is what this reader gets, else draw anew.
  const story = facts.builtPage;
  if (target.firstElementChild && built === params.lang && story) hydrate(App, { target, props });
  else {
    target.replaceChildren();
    mount(App, { target, props });
  }

  document.documentElement.dataset.ready = ''; // the page is live: tests and embeds wait for this
  if (params.section && story && !upgrade) {
    await tick();
    document.getElementById(params.section)?.scrollIntoView();
  }
}
