import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import type * as Server from './src/entry-server';
import type { Lang } from './src/lib/lang';

interface Page {
  lang: Lang;
  /** Where to write it, inside the build's folder */
  file: string;
  /** From that page up to the build's folder */
  root: string;
}

const SITE_PAGES: readonly Page[] = [
  { lang: 'zh', file: 'index.html', root: '' },
  { lang: 'en', file: 'en/index.html', root: '../' },
];

/**
 * After the client build, renders the story with Svelte's server renderer into the built page: the
 * Chinese page at index.html and the English one at en/index.html (the offline build: one page). The
 * client hydrates it. Also writes what the site serves beside the pages, from the same model.
 */
export function prerender({ offline = false } = {}): Plugin {
  return {
    name: 'prerender',
    apply: 'build',
    async closeBundle() {
      if (this.environment.config.build.ssr) return;
      const root = this.environment.config.root;
      const outDir = resolve(root, this.environment.config.build.outDir);
      // Its own folder per build (two builds may run at once), inside the project so its imports resolve.
      const ssrDir = resolve(root, 'node_modules/.prerender', randomUUID());
      await build({
        root,
        logLevel: 'warn',
        build: { ssr: 'src/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
      });
      const server = (await import(pathToFileURL(resolve(ssrDir, 'entry-server.js')).href)) as typeof Server;
      const template = readFileSync(resolve(outDir, 'index.html'), 'utf8');
      const write = (file: string, text: string) => {
        mkdirSync(dirname(resolve(outDir, file)), { recursive: true });
        writeFileSync(resolve(outDir, file), text);
      };
      for (const page of offline ? SITE_PAGES.slice(0, 1) : SITE_PAGES) {
        const { body, head, htmlLang } = await server.renderStory(page.lang, { root: page.root, offline });
        // Function replacers: a `$` in the story is text, not a replacement pattern.
        const html = template
          .replace(/(src|href)="\.\//g, (_, attr: string) => `${attr}="${page.root || './'}`) // the build's relative URLs, from this page's folder
          .replace(/<html lang="[^"]*">/, () => `<html lang="${htmlLang}">`)
          .replace(/\s*<title>[^<]*<\/title>/, '') // the story's own <svelte:head> writes title and meta
          .replace('</head>', () => `${head}</head>`)
          .replace('<div id="app"></div>', () => `<div id="app">${body}</div>`);
        write(page.file, html);
      }
      if (!offline) for (const [file, text] of Object.entries(await server.siteFiles())) write(file, text);
      rmSync(ssrDir, { recursive: true, force: true });
    },
  };
}
