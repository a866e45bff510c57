import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageHref, publicPage, relativeRoot, siteUrlFrom } from '../../src/lib/site';

describe('siteUrlFrom (the build’s SITE_URL)', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['  ', null],
    ['https://news.example/graphics/2019/union-congress/', 'https://news.example/graphics/2019/union-congress/'],
    ['https://news.example/graphics/2019/union-congress', 'https://news.example/graphics/2019/union-congress/'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
  ])('%j -> %j', (raw, url) => expect(siteUrlFrom(raw)).toBe(url));

  it.each(['news.example/story/', 'ftp://news.example/', 'javascript:alert(1)', 'https://news.example/?x=1', 'https://u:p@news.example/'])(
    'refuses %j with a clear message',
    (raw) => expect(() => siteUrlFrom(raw)).toThrow(/SITE_URL/),
  );
});

describe('where a page sits in its site', () => {
  it.each([
    ['https://x.test/a/b/', 'https://x.test/a/b/', ''],
    ['https://x.test/a/b/index.html?lang=en#care', 'https://x.test/a/b/', ''],
    ['https://x.test/a/b/en/', 'https://x.test/a/b/', '../'],
    ['https://x.test/a/b/en/index.html', 'https://x.test/a/b/', '../'],
    ['https://x.test/a/b/story.html', 'https://x.test/a/b/', ''],
    ['https://x.test/en/', 'https://x.test/', '../'],
  ])('%s in %s: root %j', (page, root, rel) => expect(relativeRoot(page, root)).toBe(rel));

  it.each([
    [{ root: '', offline: false }, 'zh', './'],
    [{ root: '', offline: false }, 'en', 'en/'],
    [{ root: '../', offline: false }, 'zh', '../'],
    [{ root: '../', offline: false }, 'en', '../en/'],
    [{ root: '', offline: true }, 'en', '?lang=en'],
  ] as const)('%j links %s to %s', (where, lang, href) => expect(pageHref({ ...where, url: null }, lang)).toBe(href));

  it('names the public pages only when the address is known', () => {
    expect(publicPage({ root: '', offline: false, url: 'https://n.example/s/' }, 'en')).toBe('https://n.example/s/en/');
    expect(publicPage({ root: '', offline: false, url: null }, 'en')).toBeNull();
  });
});

// Share previews need absolute addresses: built with SITE_URL, the pages carry them; built without, none.
describe('a build with SITE_URL', () => {
  const SITE = 'https://news.example/graphics/2019/union-congress/';
  const out = { with: mkdtempSync(join(tmpdir(), 'site-url-')), without: mkdtempSync(join(tmpdir(), 'no-site-url-')) };
  const page = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
  const head = (html: string) => html.slice(0, html.indexOf('</head>'));
  beforeAll(async () => {
    const build = (dir: string, siteUrl: string) =>
      promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
        env: { ...process.env, SITE_URL: siteUrl },
      });
    await Promise.all([build(out.with, SITE), build(out.without, '')]);
  }, 60_000);
  afterAll(() => Object.values(out).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each([
    ['index.html', 'zh', SITE],
    ['en/index.html', 'en', `${SITE}en/`],
  ])('%s carries absolute og, twitter, canonical and hreflang links', (file, lang, url) => {
    const html = head(page(out.with, file));
    expect(html).toContain(`<link rel="canonical" href="${url}"`);
    expect(html).toContain(`<meta property="og:url" content="${url}"`);
    expect(html).toContain(`<meta property="og:image" content="${SITE}share-${lang}.png"`);
    expect(html).toContain(`<meta name="twitter:image" content="${SITE}share-${lang}.png"`);
    expect(html).toContain(`<meta name="twitter:card" content="summary_large_image"`);
    expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="${SITE}"`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${SITE}en/"`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}"`);
  });

  it.each(['index.html', 'en/index.html'])('without it, %s ships no tag that would need an absolute address', (file) => {
    const html = head(page(out.without, file));
    expect(html).not.toMatch(/og:image|og:url|twitter:image|rel="canonical"|hreflang/);
    expect(html).toContain('<meta name="twitter:card" content="summary"');
  });

  it('keeps every other address relative, so the same files work from any folder', () => {
    for (const file of ['index.html', 'en/index.html']) {
      const html = page(out.with, file);
      expect(html).not.toMatch(/(src|href)="\/(?!\/)/); // nothing root-relative
      expect(html).toMatch(file === 'index.html' ? /src="\.\/assets\// : /src="\.\.\/assets\//);
    }
  });
});
