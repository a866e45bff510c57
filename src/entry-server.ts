import { render } from 'svelte/server';
import App from './App.svelte';
import { I18n, loadMessages } from './lib/i18n.svelte';
import type { Lang } from './lib/lang';

/** The story in one language as HTML, for the build to write into the page: every figure at its final value. */
export async function renderStory(lang: Lang): Promise<{ body: string; head: string }> {
  const i18n = new I18n(lang, { [lang]: await loadMessages(lang), zh: await loadMessages('zh') });
  const params = { lang, langFromUrl: false, mode: 'story', section: null, step: null, autoplay: null } as const;
  const { body, head } = render(App, { props: { i18n, params, onLang: async () => {}, onSection: () => {} } });
  return { body, head };
}
