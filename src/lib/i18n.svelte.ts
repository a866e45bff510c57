import { createInstance, type i18n as I18next } from 'i18next';
import { createContext } from 'svelte';
import type zhStory from '../../locales/zh/story.json';
import type zhPresent from '../../locales/zh/present.json';
import type zhUi from '../../locales/zh/ui.json';
import type { Lang } from './lang';
import { lazy } from './lazy';

/** The shape of a locale: Chinese is the source, English must have the same keys (tested). */
export type Messages = typeof zhStory & typeof zhUi & typeof zhPresent;

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every translatable key, e.g. `steps.honours` or `ui.skip`. */
export type Key = Paths<Messages>;

// One chunk per locale file: a page ships only the language it shows (and Chinese, the fallback),
// and only the files its mode needs.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { import: 'default' });

/** The locale files: the story's words, the interface's, and the slides' (with speaker notes). */
export type Part = 'story' | 'ui' | 'present';
export const STORY_PARTS: readonly Part[] = ['story', 'ui'];

export async function loadMessages(lang: Lang, parts: readonly Part[] = STORY_PARTS): Promise<Messages> {
  const loaded = await Promise.all(parts.map((part) => lazy(files[`../../locales/${lang}/${part}.json`])));
  return Object.assign({}, ...loaded) as Messages;
}

/** The story's words in the current language; `lang` is reactive, so is everything `t` renders. */
export class I18n {
  lang: Lang = $state('zh');
  #i18n: I18next;
  #parts: readonly Part[];
  /** Bumped when words arrive late (the Chinese fallback), so that what `t` rendered renders again */
  #arrived = $state(0);
  #fallback: Promise<void> | null = null;

  /**
   * `bundles` must hold `lang`. Chinese, the fallback for a key missing in English, may be left out:
   * it is then fetched the first time a key is missing. `parts` are the files the bundles hold.
   */
  constructor(lang: Lang, bundles: Partial<Record<Lang, Messages>>, parts: readonly Part[] = STORY_PARTS) {
    this.#parts = parts;
    this.#i18n = createInstance();
    this.#i18n.init({
      lng: lang,
      fallbackLng: 'zh',
      initAsync: false,
      resources: Object.fromEntries(Object.entries(bundles).map(([l, m]) => [l, { translation: m }])),
      interpolation: { escapeValue: false }, // Svelte escapes text; nothing is rendered as HTML
      returnNull: false,
    });
    this.lang = lang;
  }

  /**
   * The text for `key`; `values` fill its {{placeholders}}. A key this language lacks is said in
   * Chinese: the tests forbid a missing key, but a page left open across a deploy can meet one.
   */
  t = (key: Key, values?: Record<string, string | number>): string => {
    void this.lang; // re-render on language change
    void this.#arrived;
    // Words are read from i18next's store, past its translation pipeline (key resolution, nesting,
    // plurals), which took a third of the page's hydration at 4x CPU: plain words as they are, words
    // with values through i18next's own interpolator (no plurals or contexts here; tested equal to `t`).
    const words: unknown = this.#i18n.getResource(this.lang, 'translation', key);
    if (typeof words === 'string' && !words.includes('$t(')) {
      if (values === undefined && !words.includes('{{')) return words;
      if (values !== undefined && !('count' in values) && !('context' in values)) return this.#i18n.services.interpolator.interpolate(words, values, this.lang, values);
    }
    if (!this.has('zh') && !this.#i18n.exists(key)) {
      this.#loadFallback();
      return ''; // for the moment it takes to fetch the Chinese words
    }
    return this.#i18n.t(key, values ?? {}) as string;
  };

  #loadFallback(): void {
    this.#fallback ??= loadMessages('zh', this.#parts).then(
      (zh) => {
        this.#i18n.addResourceBundle('zh', 'translation', zh);
        this.#arrived++;
      },
      () => {
        this.#fallback = null; // tried again at the next missing key
      },
    );
  }

  has(lang: Lang): boolean {
    return this.#i18n.hasResourceBundle(lang, 'translation');
  }

  /** Switch language, loading its words first if this page has not yet. */
  async setLang(lang: Lang): Promise<void> {
    if (!this.has(lang)) this.#i18n.addResourceBundle(lang, 'translation', await loadMessages(lang, this.#parts));
    await this.#i18n.changeLanguage(lang);
    this.lang = lang;
  }
}

export const [getI18n, setI18n] = createContext<I18n>();
