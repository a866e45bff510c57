import { createContext } from 'svelte';
import { pageFolder, type Lang } from './lang.ts'; // with its extension: vite.config.ts loads this file in Node

/** Where the page sits in the published site: what links, share tags and the embed snippet need. */
export interface Site {
  /** From this page to the site's folder: '' on the Chinese page, '../' on the English one */
  root: string;
  /** The single-file build opened from a USB stick: one page, no en/, nothing to embed from */
  offline: boolean;
  /** The public address given at build time (SITE_URL, ending in '/'), or null */
  url: string | null;
}

/** Normalises a build's SITE_URL: an absolute http(s) address ending in '/', null when unset; throws when malformed. */
export function siteUrlFrom(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`SITE_URL is not an absolute address: ${raw}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(`SITE_URL must be a plain http(s) folder address, e.g. https://news.example/graphics/story/ (got ${raw})`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The path from the folder of `pageHref` up to `rootHref` (a folder): '', '../', '../../'… */
export function relativeRoot(pageHref: string, rootHref: string): string {
  const page = new URL('./', pageHref).pathname.split('/').slice(0, -1);
  const root = new URL(rootHref).pathname.split('/').slice(0, -1);
  const shared = root.every((part, i) => page[i] === part) ? root.length : 0;
  return '../'.repeat(Math.max(0, page.length - shared));
}

/** The page of the story in `lang`, relative to this page (works from any folder, and without JavaScript). */
export function pageHref(site: Site, lang: Lang): string {
  if (site.offline) return `?lang=${lang}`;
  return `${site.root}${pageFolder(lang)}` || './';
}

/** The story's public page in `lang`, absolute, when the build knows its address. */
export const publicPage = (site: Site, lang: Lang): string | null => site.url && site.url + pageFolder(lang);

export const [getSite, setSite] = createContext<Site>();
