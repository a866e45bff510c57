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

/** The language a page's path names: the English page is built at `en/` (`/en` where a host drops the slash). */
const langFromPath = (pathname: string): Lang | null => (/\/en(?:\/(?:index\.html)?)?$/.test(pathname) ? 'en' : null);

/** The language a URL asks for: one valid `?lang` wins, then a path that names a language, then the browser's. */
export function langOfUrl(query: URLSearchParams, pathname: string, languages?: readonly string[]): Lang {
  const asked = query.getAll('lang');
  const lang = asked.length === 1 ? asked[0].trim() : null;
  return isLang(lang) ? lang : (langFromPath(pathname) ?? langFromNavigator(languages));
}

/** The `lang` attribute for a page or passage in this language. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');
