import type { Plugin } from 'vite';
import { colourDeclarations, colours } from './src/colours.ts';

/** Where app.css's `:root` takes the colours: this comment, replaced at build and in dev. */
export const COLOURS_MARK = '/* colours: src/colours.ts */';

/** app.css with its colour tokens written in from src/colours.ts; it throws if the mark is gone, so that no page is left without its colours. */
export function withColours(css: string): string {
  if (!css.includes(COLOURS_MARK)) throw new Error(`app.css: no ${COLOURS_MARK} in its :root for the colour tokens`);
  return css.replace(COLOURS_MARK, colourDeclarations());
}

/**
 * One source of colour (src/colours.ts) for what cannot import it: app.css's custom properties and
 * the page's theme-color (the browser's bar, on a phone, in the political theme's red).
 */
export const colourTokens = (): Plugin => ({
  name: 'colour-tokens',
  enforce: 'pre', // on app.css as written, before Vite's CSS pipeline
  transform(code, id) {
    if (id.split('?')[0].endsWith('/src/app.css')) return { code: withColours(code), map: null };
  },
  transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'theme-color', content: colours.political }, injectTo: 'head' }],
});
