import { langOfUrl, type Lang } from './lang';
import { modeOf, type Mode } from './modes';

/** Whether an id names a place in the story, passed in by the caller: the URL's parser knows no story of its own. */
export type IsPlace<Place extends string> = (id: string | null) => id is Place;

/** What the URL asks for, every field validated; anything malformed is the default. */
export interface Params<Place extends string> {
  lang: Lang;
  mode: Mode;
  /** A theme, section or figure id (`?section=` or the hash), or null */
  section: Place | null;
  /** Present mode's 1-based start step, or null */
  step: number | null;
  /** Present mode's lobby loop: seconds per slide (3–600), `voice` (each slide read aloud, then the next), or null */
  autoplay: number | 'voice' | null;
  /** An embed whose host asks for 语音阅读 / Listen (`listen=1`): off in embeds otherwise */
  listen: boolean;
  /** The speaker view's deck session, shared with the audience window it opens, or null */
  session: string | null;
}

/** The parameters we read; any other (pym's parentUrl, a host's tracking tags) is ignored before any cap. */
const KNOWN = new Set(['lang', 'mode', 'section', 'step', 'autoplay', 'listen', 'session']);

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

/** The place a hash names (`#mass`, `#care`, `#mutualAidAmount`), or null for an empty, unknown or malformed hash. */
export function idFromHash<Place extends string>(hash: string, isPlace: IsPlace<Place>): Place | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length === 0 || raw.length > MAX_LENGTH) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isPlace(id) ? id : null;
}

/** Reads the URL: every field validated, anything malformed the default. */
export function parseParams<Place extends string>(search: string, hash: string, isPlace: IsPlace<Place>, languages?: readonly string[], pathname = '/'): Params<Place> {
  const query = new URLSearchParams([...new URLSearchParams(search)].filter(([key]) => KNOWN.has(key)));
  const section = single(query, 'section');
  const session = single(query, 'session');
  return {
    lang: langOfUrl(query, pathname, languages),
    mode: modeOf(query),
    section: isPlace(section) ? section : idFromHash(hash, isPlace),
    step: intIn(single(query, 'step'), 1, 9999),
    autoplay: single(query, 'autoplay') === 'voice' ? 'voice' : intIn(single(query, 'autoplay'), 3, 600),
    listen: single(query, 'listen') === '1',
    session: session !== null && /^[\w-]{8,32}$/.test(session) ? session : null,
  };
}

/** `href` with `lang` set, other parameters and the hash kept. */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  return url.href;
}

/** `href` with its hash set to `id`, the query kept. */
export function withHash(href: string, id: string): string {
  const url = new URL(href);
  url.hash = encodeURIComponent(id);
  return url.href;
}

/** `href` showing 1-based slide `n` in a present mode: mode, step and language set, the hash dropped. */
export function withSlide(href: string, n: number, mode: Mode, lang: Lang): string {
  const url = new URL(href);
  url.searchParams.set('mode', mode);
  url.searchParams.set('step', String(n));
  url.searchParams.set('lang', lang);
  url.hash = '';
  return url.href;
}
