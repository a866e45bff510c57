import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { colours } from './src/colours.ts';
import { htmlLang, LANGS, pageFolder, type Lang } from './src/lib/lang.ts';
import { classicScript } from './vite.script.ts';

/** What the worker keeps: the build's id (its cache's name) and each file, by its path in the site, with its content's hash. */
export interface Precache {
  version: string;
  files: [path: string, revision: string][];
}

/**
 * Left out of the offline copy, as no reader needs them: the example host page and pym.js (for
 * other sites' pages), the venue server's deck size, the share cards (for crawlers), robots.txt,
 * and the worker itself.
 */
const SKIP = [/^embed\//, /^data\//, /^share-[\w-]+\.png$/, /^robots\.txt$/, /^sw\.js$/];

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * The precache list of a build, from its files (path inside the build with '/' -> content). A page
 * is listed by its folder ('' and 'en/'), as readers ask for it. The version changes with any file
 * and with the worker's code, so that a new build or worker never writes into a cache in use.
 */
export function precacheList(files: Record<string, string | Buffer>, workerCode: string): Precache {
  const list = Object.entries(files)
    .filter(([path]) => !SKIP.some((skip) => skip.test(path)))
    .map(([path, content]): [string, string] => [path.replace(/(^|\/)index\.html$/, '$1'), sha256(content).slice(0, 16)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { version: sha256(workerCode + JSON.stringify(list)).slice(0, 16), files: list };
}

/** Every file of the folder `dir`, by its path with '/'. */
function filesOf(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = resolve(entry.parentPath, entry.name);
    out[full.slice(dir.length + 1).split(sep).join('/')] = readFileSync(full);
  }
  return out;
}

/** Writes `dir`/sw.js: the list of `dir`'s files on its first line, the worker's code after it. Returns the list. */
export function writeWorker(dir: string, workerCode: string): Precache {
  const precache = precacheList(filesOf(resolve(dir)), workerCode);
  writeFileSync(resolve(dir, 'sw.js'), `const PRECACHE = ${JSON.stringify(precache)};\n${workerCode}`);
  return precache;
}

/** Lists `dir`'s files again into its sw.js (a build changed after the fact: the tests' second deploy). */
export function rewriteWorker(dir: string): Precache {
  const text = readFileSync(resolve(dir, 'sw.js'), 'utf8');
  return writeWorker(dir, text.slice(text.indexOf('\n') + 1));
}

/** The web app manifest of one language's page, for "Add to Home Screen". `up` leads from its page to the site's folder. */
function manifest(root: string, lang: Lang, up: string): string {
  const words = (part: string) => JSON.parse(readFileSync(resolve(root, `locales/${lang}/${part}.json`), 'utf8'));
  const { offline } = words('ui');
  const icon = (file: string, size: number, purpose: string) => ({ src: `${up}icons/${file}`, sizes: `${size}x${size}`, type: 'image/png', purpose });
  return JSON.stringify(
    {
      id: './', // one app per language: the English page installs the English story
      name: offline.appName,
      short_name: offline.appShortName,
      description: words('story').meta.description,
      lang: htmlLang(lang),
      start_url: './',
      scope: up || './', // both languages inside the app, so that the switch stays in it
      display: 'standalone',
      theme_color: colours.political,
      background_color: colours.paper,
      icons: [icon('icon-192.png', 192, 'any'), icon('icon-512.png', 512, 'any'), icon('icon-maskable-512.png', 512, 'maskable')],
    },
    null,
    2,
  );
}

/** src/offline/sw.ts as one classic script: small, and readable for a host who audits what runs on their origin. */
const compileWorker = (root: string) => classicScript(root, 'src/offline/sw.ts', { name: 'storyWorker', minify: false });

/**
 * The offline copy: links each page to its manifest and home-screen icon; after the prerender
 * (this plugin comes after it, and closeBundle hooks run in order), writes the manifests and
 * dist/sw.js with the list of every file a reader needs.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'service-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // `manifest.webmanifest` without './': each page links its own language's (the prerender moves './' hrefs up for en/).
      handler: (html) =>
        html.replace(
          '</head>',
          () => '<link rel="manifest" href="manifest.webmanifest" />\n<link rel="apple-touch-icon" href="./icons/apple-touch-icon.png" />\n</head>',
        ),
    },
    closeBundle: {
      order: 'post',
      async handler() {
        if (this.environment.config.build.ssr) return;
        const root = this.environment.config.root;
        const outDir = resolve(root, this.environment.config.build.outDir);
        for (const lang of LANGS) {
          const file = `${pageFolder(lang)}manifest.webmanifest`;
          const up = '../'.repeat(pageFolder(lang).split('/').length - 1);
          mkdirSync(dirname(resolve(outDir, file)), { recursive: true });
          writeFileSync(resolve(outDir, file), manifest(root, lang, up) + '\n');
        }
        const { files } = writeWorker(outDir, await compileWorker(root));
        this.info(`sw.js: ${files.length} files precached`);
      },
    },
  };
}
