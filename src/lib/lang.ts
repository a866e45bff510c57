/** The story's languages: Chinese is the source, English the translation. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The language of a page or passage by its `lang` attribute (`htmlLang`'s inverse): any zh-* is Chinese. */
export const langOfHtml = (attribute: string): Lang => (/^zh(?:-|$)/i.test(attribute) ? 'zh' : 'en');

/** The browser's preference: any zh-* is Chinese, anything else English. */
export function langFromNavigator(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0];
  return typeof first === 'string' ? langOfHtml(first) : 'en';
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

/** The Open Graph locale (`og:locale`) of a page in this language. */
export const ogLocale = (lang: Lang): string => (lang === 'zh' ? 'zh_CN' : 'en_US');

/** Where each language's page is built, inside the site's folder: the Chinese at its root, the English at `en/`. */
export const pageFolder = (lang: Lang): string => (lang === 'en' ? 'en/' : '');

/**
 * Where a reader goes before the first paint: from the Chinese page to the English one (query and
 * hash kept) when their browser prefers another language and the URL asks for none (a `?lang` is the
 * app's to draw, on this page); else null.
 */
export function languagePage(url: Pick<Location, 'search' | 'hash' | 'pathname'>, built: Lang, languages: readonly string[]): string | null {
  const query = new URLSearchParams(url.search);
  const wanted = langOfUrl(query, url.pathname, languages);
  if (built !== 'zh' || query.has('lang') || wanted === built) return null;
  return url.pathname.replace(/[^/]*$/, '') + pageFolder(wanted) + url.search + url.hash;
}
