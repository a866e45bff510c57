import { render } from 'svelte/server';
import App from './App.svelte';
import type { PlaceId } from './data/story';
import { I18n, loadMessages } from './lib/i18n.svelte';
import { htmlLang, type Lang } from './lib/lang';
import type { Params } from './lib/params';
import type { Site } from './lib/site';
import { slides } from './present/slides';
import { figureRows, toCsv } from './takeaway/figureTable';

/** The story in one language as HTML, for the build to write into the page: every figure at its final value. */
export async function renderStory(lang: Lang, where: Omit<Site, 'url'>): Promise<{ body: string; head: string; htmlLang: string }> {
  const i18n = new I18n(lang, { [lang]: await loadMessages(lang), zh: await loadMessages('zh') });
  const params: Params<PlaceId> = { lang, mode: 'story', section: null, step: null, autoplay: null, listen: false, session: null };
  const site: Site = { ...where, url: __SITE_URL__ };
  const { body, head } = render(App, { props: { i18n, params, site, onLang: async () => {}, onSection: () => {} } });
  return { body, head, htmlLang: htmlLang(lang) };
}

/** The files the site serves beside its pages, built from the model: path -> content. */
export async function siteFiles(): Promise<Record<string, string>> {
  const wordsOf = async (lang: Lang) => new I18n(lang, { [lang]: await loadMessages(lang) });
  const [zh, en] = await Promise.all([wordsOf('zh'), wordsOf('en')]);
  const rows = figureRows(zh, en);
  return {
    'data/deck.json': JSON.stringify({ slides: slides.length }) + '\n',
    'data/figures.csv': toCsv(rows),
    'data/figures.json': JSON.stringify({ source: { zh: zh.t('intro.source'), en: en.t('intro.source') }, figures: rows }, null, 2) + '\n',
  };
}
