/** The story's languages: Chinese is the source, English the translation. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The browser's preference: any zh-* is Chinese, anything else English. */
export function langFromNavigator(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0];
  return typeof first === 'string' && /^zh(?:-|$)/i.test(first) ? 'zh' : 'en';
}

/** The `lang` attribute for a page or passage in this language. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');
