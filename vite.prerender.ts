import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';

type Render = typeof import('./src/entry-server').renderStory;

interface Page {
  lang: 'zh' | 'en';
  /** Where to write it, inside the build's folder */
  file: string;
  htmlLang: string;
}

export const SITE_PAGES: readonly Page[] = [
  { lang: 'zh', file: 'index.html', htmlLang: 'zh-CN' },
  { lang: 'en', file: 'en/index.html', htmlLang: 'en' },
];

/**
 * After the client build, renders the story with Svelte's server renderer into the built page: by
 * default the Chinese page at index.html and the English one at en/index.html. The client hydrates it.
 */
export function prerender(pages: readonly Page[] = SITE_PAGES): Plugin {
  return {
    name: 'prerender',
    apply: 'build',
    async closeBundle() {
      if (this.environment.config.build.ssr) return;
      const root = this.environment.config.root;
      const outDir = resolve(root, this.environment.config.build.outDir);
      const ssrDir = resolve(root, 'dist-ssr');
      await build({
        root,
        logLevel: 'warn',
        build: { ssr: 'src/entry-server.ts', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
      });
      const { renderStory } = (await import(pathToFileURL(resolve(ssrDir, 'entry-server.js')).href)) as {
        renderStory: Render;
      };
      const template = readFileSync(resolve(outDir, 'index.html'), 'utf8');
      for (const page of pages) {
        const { body, head } = await renderStory(page.lang);
        // Function replacers: a `$` in the story is text, not a replacement pattern.
        const html = template
          .replace(/<html lang="[^"]*">/, () => `<html lang="${page.htmlLang}">`)
          .replace(/\s*<title>[^<]*<\/title>/, '') // the story's own <svelte:head> writes title and meta
          .replace('</head>', () => `${head}</head>`)
          .replace('<div id="app"></div>', () => `<div id="app">${body}</div>`);
        const file = resolve(outDir, page.file);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, html);
      }
      rmSync(ssrDir, { recursive: true, force: true });
    },
  };
}
