import type { Lang } from '../lib/lang';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The HTML a newsroom pastes into an article: a pym.js container for our embed and pym.js itself,
 * both from `root` (the site's folder, absolute). Scroll tracking makes the figures follow the
 * article's scrolling; `optionalparams="false"` keeps pym from sending us the article's full URL and
 * title; `xdomain` makes the host's pym trust messages from our origin only (pym's default takes
 * `navigateTo` from any frame on the page, nprapps/pym.js#173).
 */
export function embedSnippet(root: string, lang: Lang, title: string, section: string | null): string {
  const query = new URLSearchParams({ mode: 'embed', lang });
  if (section) query.set('section', section);
  const origin = new URL(root).origin;
  return [
    `<div data-pym-src="${attr(`${root}?${query}`)}" data-pym-title="${attr(title)}" data-pym-trackscroll="true" ` +
      `data-pym-scrollwait="30" data-pym-optionalparams="false" data-pym-xdomain="${attr(`^${regexEscape(origin)}`)}"></div>`,
    `<script src="${attr(`${root}embed/pym.v1.min.js`)}"></script>`,
  ].join('\n');
}
