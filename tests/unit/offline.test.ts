import { describe, expect, it } from 'vitest';
import { answerFor } from '../../src/offline/routes';
import { shouldRegister, type Here } from '../../src/offline/where';
import { precacheList } from '../../vite.sw';

describe('shouldRegister: where the offline copy is installed', () => {
  const page: Here = { mode: 'story', protocol: 'https:', hall: false, serviceWorker: true, framed: false };
  it.each<[string, Partial<Here>, boolean]>([
    ['the story on the web', {}, true],
    ['the slides', { mode: 'present' }, true],
    ['the speaker view', { mode: 'presenter' }, true],
    ['localhost over http', { protocol: 'http:' }, true],
    ['an embed', { mode: 'embed' }, false],
    ['the story inside any iframe', { framed: true }, false],
    ['an embed opened by itself', { mode: 'embed', framed: false }, false],
    ['the single file from a USB stick', { protocol: 'file:' }, false],
    ['a page of the venue server', { hall: true }, false],
    ['the venue server’s slides', { hall: true, mode: 'present' }, false],
    ['a browser without service workers (an in-app web view)', { serviceWorker: false }, false],
  ])('%s: %s', (_, change, expected) => expect(shouldRegister({ ...page, ...change })).toBe(expected));
});

describe('answerFor: what the worker answers from its copy', () => {
  const scope = 'https://news.example/graphics/story/';
  const files = new Set(['', 'en/', 'assets/index-abc.js', 'icons/icon-192.png']);
  it.each<[string, boolean, ReturnType<typeof answerFor>]>([
    ['https://news.example/graphics/story/', true, { file: '' }],
    ['https://news.example/graphics/story/?mode=present&lang=en&step=3', true, { file: '' }],
    ['https://news.example/graphics/story/index.html#care', true, { file: '' }],
    ['https://news.example/graphics/story/en/', true, { file: 'en/' }],
    ['https://news.example/graphics/story/en/index.html?lang=zh', true, { file: 'en/' }],
    ['https://news.example/graphics/story/en?lang=en', true, { redirect: 'https://news.example/graphics/story/en/?lang=en' }],
    ['https://news.example/graphics/story/assets/index-abc.js', false, { file: 'assets/index-abc.js' }],
    ['https://news.example/graphics/story/icons/icon-192.png', false, { file: 'icons/icon-192.png' }],
    // Left to the network: not precached, another folder, another origin.
    ['https://news.example/graphics/story/embed/', true, null],
    ['https://news.example/graphics/story/share-zh.png', false, null],
    ['https://news.example/graphics/story/assets/gone-old.js', false, null],
    ['https://news.example/graphics/other/', true, null],
    ['https://news.example/graphics/story-2/', true, null],
    ['https://news.example/', true, null],
    ['https://cdn.example/graphics/story/assets/index-abc.js', false, null],
  ])('%s (navigation: %s)', (href, navigate, expected) => expect(answerFor(href, scope, files, navigate)).toEqual(expected));
});

describe('precacheList: what a build keeps offline', () => {
  const build = {
    'index.html': '<p>zh</p>',
    'en/index.html': '<p>en</p>',
    'en/manifest.webmanifest': '{}',
    'manifest.webmanifest': '{}',
    'assets/index-abc.js': 'code',
    'assets/Chart-def.js': 'charts',
    'favicon.svg': '<svg/>',
    'icons/icon-192.png': Buffer.from([1, 2, 3]),
    'embed/index.html': '<p>host</p>',
    'embed/pym.v1.min.js': 'pym',
    'data/deck.json': '{}',
    'share-zh.png': Buffer.from([4]),
    'robots.txt': 'User-agent: *',
    'sw.js': 'old worker',
  };

  it('lists the pages by their folder and every file a reader needs, and nothing else, in a stable order', () => {
    expect(precacheList(build, 'worker').files.map(([path]) => path)).toEqual([
      '',
      'assets/Chart-def.js',
      'assets/index-abc.js',
      'en/',
      'en/manifest.webmanifest',
      'favicon.svg',
      'icons/icon-192.png',
      'manifest.webmanifest',
    ]);
  });

  it('gives each file a hash of its content, and the build a version that changes with any file or the worker', () => {
    const list = precacheList(build, 'worker');
    const revision = (l: typeof list, path: string) => l.files.find(([p]) => p === path)?.[1];
    expect(revision(list, 'assets/index-abc.js')).toMatch(/^[0-9a-f]{16}$/);
    expect(revision(list, '')).not.toBe(revision(list, 'en/'));
    expect(precacheList(build, 'worker')).toEqual(list);
    const changed = precacheList({ ...build, 'en/index.html': '<p>en, new</p>' }, 'worker');
    expect(revision(changed, 'en/')).not.toBe(revision(list, 'en/'));
    expect(revision(changed, '')).toBe(revision(list, ''));
    expect(changed.version).not.toBe(list.version);
    expect(precacheList(build, 'worker, fixed').version).not.toBe(list.version);
    // What is left out never changes the version: a new share card does not make readers download the story again.
    expect(precacheList({ ...build, 'share-zh.png': Buffer.from([5]) }, 'worker').version).toBe(list.version);
  });
});
