import type { Lang } from '../lib/lang';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The site's root for a page address: `/story/en/index.html` -> `/story/`. */
export function siteRoot(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname.replace(/(?:en\/)?(?:index\.html)?$/, '');
}

/**
 * The HTML a newsroom pastes into an article: a pym.js container for our embed and pym.js itself,
 * both from our own origin, with scroll tracking on so the figures follow the article's scrolling.
 */
export function embedSnippet(href: string, lang: Lang, title: string, section: string | null): string {
  const root = siteRoot(href);
  const query = new URLSearchParams({ mode: 'embed', lang });
  if (section) query.set('section', section);
  return [
    `<div data-pym-src="${attr(`${root}?${query}`)}" data-pym-title="${attr(title)}" data-pym-trackscroll="true" data-pym-scrollwait="30"></div>`,
    `<script src="${attr(`${root}embed/pym.v1.min.js`)}"></script>`,
  ].join('\n');
}
