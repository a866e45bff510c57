import en from '../../locales/en/story.json';
import enPresent from '../../locales/en/present.json';
import enUi from '../../locales/en/ui.json';
import zh from '../../locales/zh/story.json';
import zhPresent from '../../locales/zh/present.json';
import zhUi from '../../locales/zh/ui.json';
import { I18n, type Messages } from '../../src/lib/i18n.svelte';
import type { Lang } from '../../src/lib/lang';

export const bundles: Record<Lang, Messages> = { zh: { ...zh, ...zhUi, ...zhPresent }, en: { ...en, ...enUi, ...enPresent } };

/** Words for a test, both languages loaded. */
export const makeI18n = (lang: Lang) => new I18n(lang, bundles);
