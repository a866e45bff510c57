import type { Plugin } from 'vite';
import { customMedia } from './src/breakpoints.ts';

const isName = (name: string): name is keyof typeof customMedia => Object.hasOwn(customMedia, name);

/**
 * A stylesheet's `@media` rules with their custom media (`(--wide)`) written out from
 * src/breakpoints.ts. A width written into an `@media` rule by hand, or an unknown name, is an
 * error: a breakpoint has one copy. (`@container` queries size a chart by its own box, not the screen.)
 */
export function withMedia(css: string, file = 'a stylesheet'): string {
  return css.replace(/@media([^{;]*)/g, (_, prelude: string) => {
    if (/width\s*:/.test(prelude)) throw new Error(`${file}: @media${prelude}: name the width from src/breakpoints.ts, as (--name)`);
    return (
      '@media' +
      prelude.replace(/\(--([\w-]+)\)/g, (_m: string, name: string) => {
        if (!isName(name)) throw new Error(`${file}: @media (--${name}): no such breakpoint in src/breakpoints.ts`);
        return customMedia[name];
      })
    );
  });
}

/** Every stylesheet of ours, app.css and the components' styles, takes its breakpoints from the one table. */
export const customMediaQueries = (): Plugin => ({
  name: 'custom-media',
  enforce: 'pre', // before Vite's CSS pipeline, on the CSS as written
  transform(code, id) {
    const path = id.split('?')[0];
    if (path.includes('/node_modules/')) return; // others' stylesheets keep their own widths
    if (path.endsWith('.css') || /[?&]lang\.css$/.test(id)) return { code: withMedia(code, path), map: null };
  },
});
