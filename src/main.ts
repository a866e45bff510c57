import { hydrate, mount, tick } from 'svelte';
import App from './App.svelte';
import './app.css';
import { I18n, loadMessages, STORY_PARTS, type Part } from './lib/i18n.svelte';
import { keepPlace } from './lib/keepPlace';
import type { Lang } from './lib/lang';
import { parseParams, withHash, withLang } from './lib/params';

async function start() {
  const params = parseParams(location.search, location.hash, navigator.languages, location.pathname);
  // Only this language's words, and only the files this mode needs: a key missing in English
  // fetches the Chinese fallback when needed.
  const slides = params.mode === 'present' || params.mode === 'presenter';
  const parts: readonly Part[] = slides ? [...STORY_PARTS, 'present'] : STORY_PARTS;
  const i18n = new I18n(params.lang, { [params.lang]: await loadMessages(params.lang, parts) }, parts);
  // The language of the story the build wrote into this page (read before it is changed below).
  const prerendered = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  document.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';

  const onLang = (lang: Lang) =>
    keepPlace(async () => {
      await i18n.setLang(lang);
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      history.replaceState(history.state, '', withLang(location.href, lang));
    });
  const onSection = (id: string) => {
    if (decodeURIComponent(location.hash.slice(1)) !== id) history.replaceState(history.state, '', withHash(location.href, id));
  };

  const slideUrl = (n: number, mode = params.mode) => {
    const url = new URL(location.href);
    url.searchParams.set('mode', mode);
    url.searchParams.set('step', String(n));
    url.searchParams.set('lang', params.lang);
    url.hash = '';
    return url.pathname + url.search;
  };
  const onSlide = (n: number) => history.replaceState(history.state, '', slideUrl(n));
  const audienceUrl = (n: number) => slideUrl(n, 'present');

  const target = document.getElementById('app')!;
  const props = { i18n, params, onLang, onSection, onSlide, audienceUrl };
  // The built page holds the story: hydrate it when it is what this reader gets, else draw anew.
  const story = params.mode === 'story';
  if (target.firstElementChild && prerendered === params.lang && story) hydrate(App, { target, props });
  else {
    target.replaceChildren();
    mount(App, { target, props });
  }

  document.documentElement.dataset.ready = ''; // the page is live: tests and embeds wait for this
  if (params.section && story) {
    await tick();
    document.getElementById(params.section)?.scrollIntoView();
  }
}

start();
