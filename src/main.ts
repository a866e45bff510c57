import { hydrate, mount, tick } from 'svelte';
import App from './App.svelte';
import './app.css';
import { I18n, loadMessages } from './lib/i18n.svelte';
import { keepPlace } from './lib/keepPlace';
import type { Lang } from './lib/lang';
import { parseParams, withHash, withLang } from './lib/params';

async function start() {
  const params = parseParams(location.search, location.hash, navigator.languages, location.pathname);
  // Chinese is always loaded too: a key missing in English falls back to it.
  const langs: Lang[] = params.lang === 'zh' ? ['zh'] : [params.lang, 'zh'];
  const bundles = Object.fromEntries(await Promise.all(langs.map(async (l) => [l, await loadMessages(l)])));
  const i18n = new I18n(params.lang, bundles);
  // The built page holds the story in one language: hydrate it when that is the reader's, else redraw.
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

  const target = document.getElementById('app')!;
  const props = { i18n, onLang, onSection };
  if (target.firstElementChild && prerendered === params.lang) hydrate(App, { target, props });
  else {
    target.replaceChildren();
    mount(App, { target, props });
  }

  document.documentElement.dataset.ready = ''; // the page is live: tests and embeds wait for this
  if (params.section) {
    await tick();
    document.getElementById(params.section)?.scrollIntoView();
  }
}

start();
