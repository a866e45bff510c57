import { SECTION_IDS, THEME_IDS } from '../data/story';
import { isLang, langFromNavigator, type Lang } from './lang';

export const MODES = ['story', 'present', 'presenter', 'embed'] as const;
export type Mode = (typeof MODES)[number];

/** What the URL asks for, every field validated; anything malformed is the default. */
export interface Params {
  lang: Lang;
  /** True when `lang` came from the URL rather than the browser */
  langFromUrl: boolean;
  mode: Mode;
  /** A theme or section id, or null */
  section: string | null;
  /** Present mode's 1-based start step, or null */
  step: number | null;
  /** Present mode's seconds per slide (3–600), or null */
  autoplay: number | null;
}

const MAX_LENGTH = 64;

/** The single value of `key`, or null when absent, repeated, empty or over-long. */
function single(query: URLSearchParams, key: string): string | null {
  const all = query.getAll(key);
  if (all.length !== 1) return null;
  const v = all[0].trim();
  return v.length > 0 && v.length <= MAX_LENGTH ? v : null;
}

/** A whole number from plain digits in [min, max], or null. */
function intIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export function isStoryId(id: string | null): id is string {
  return id !== null && (THEME_IDS as readonly string[]).concat(SECTION_IDS).includes(id);
}

/** The id a hash names (`#mass`), or null for an empty, unknown or malformed hash. */
export function idFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length === 0 || raw.length > MAX_LENGTH) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isStoryId(id) ? id : null;
}

/** The language a page's path names: the English page is built at `/en/`. */
const langFromPath = (pathname: string): Lang | null => (/\/en\/(?:index\.html)?$/.test(pathname) ? 'en' : null);

/** Reads the URL: `?lang` wins, then a path that names a language, then the browser's language. */
export function parseParams(search: string, hash: string, languages?: readonly string[], pathname = '/'): Params {
  const query = new URLSearchParams(search.length > 2048 ? '' : search);
  const lang = single(query, 'lang') ?? langFromPath(pathname);
  const mode = single(query, 'mode');
  const section = single(query, 'section');
  return {
    lang: isLang(lang) ? lang : langFromNavigator(languages),
    langFromUrl: isLang(lang),
    mode: (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : 'story',
    section: isStoryId(section) ? section : idFromHash(hash),
    step: intIn(single(query, 'step'), 1, 9999),
    autoplay: intIn(single(query, 'autoplay'), 3, 600),
  };
}

/** The current URL with `lang` set, other parameters and the hash kept: for replaceState. */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

/** The current URL with its hash set to `id` (query kept): for replaceState. */
export function withHash(href: string, id: string): string {
  const url = new URL(href);
  return `${url.pathname}${url.search}#${encodeURIComponent(id)}`;
}
