import { describe, expect, it } from 'vitest';
import { childIdFrom, readHostMessage } from '../../src/embed/pymChild';
import { embedSnippet, siteRoot } from '../../src/embed/snippet';

const ID = 'pym-0-abc12';
const msg = (type: string, payload: string, id = ID) => ['pym', id, type, payload].join('xPYMx');

// Trust nothing from the host that is not a well-formed pym message of a type we use, for our id.
describe('readHostMessage', () => {
  it.each<[string, unknown, unknown]>([
    ['width', msg('width', '680'), { type: 'width', width: 680 }],
    [
      'viewport position',
      msg('viewport-iframe-position', '390 844 -1200.5 8 6000 398'),
      { type: 'viewport', width: 390, height: 844, top: -1200.5, bottom: 6000 },
    ],
    ['another child', msg('width', '680', 'pym-1-zzz'), null],
    ['a type we do not take', msg('navigateTo', 'javascript:alert(1)'), null],
    ['scrollToChildPos', msg('scrollToChildPos', '100'), null],
    ['markup for a number', msg('width', '<img src=x onerror=alert(1)>'), null],
    ['NaN', msg('viewport-iframe-position', 'NaN 844 0 0 0 0'), null],
    ['too few fields', msg('viewport-iframe-position', '390 844 0'), null],
    ['a huge number', msg('viewport-iframe-position', '390 844 -99999999999 0 0 390'), null],
    ['an empty field', msg('viewport-iframe-position', '390  0 0 0 390'), null],
    ['a zero viewport', msg('viewport-iframe-position', '0 0 0 0 0 0'), null],
    ['an extra delimiter', msg('width', '680xPYMx1'), null],
    ['an over-long message', msg('viewport-iframe-position', '1 '.repeat(200)), null],
    ['an object', { type: 'width', width: 680 }, null],
    ['null', null, null],
    ['not pym', 'hello', null],
  ])('%s', (_what, data, expected) => expect(readHostMessage(data, ID)).toEqual(expected));
});

describe('childIdFrom', () => {
  it.each([
    ['?mode=embed&initialWidth=680&childId=pym-0-abc12&parentTitle=x', 'pym-0-abc12'],
    ['?mode=embed', null],
    ['?childId=a&childId=b', null],
    ['?childId=%3Cscript%3E', null],
    ['?childId=' + 'a'.repeat(65), null],
  ])('%s -> %s', (search, id) => expect(childIdFrom(search)).toBe(id));
});

describe('the embed snippet', () => {
  it.each([
    ['https://news.example/story/', 'https://news.example/story/'],
    ['https://news.example/story/en/', 'https://news.example/story/'],
    ['https://news.example/story/index.html?lang=en#care', 'https://news.example/story/'],
    ['http://127.0.0.1:4173/?mode=story', 'http://127.0.0.1:4173/'],
  ])('finds the site root of %s', (href, root) => expect(siteRoot(href)).toBe(root));

  it('points a pym container and pym.js at our origin, in the language and section asked', () => {
    const code = embedSnippet('https://x.test/en/?lang=en#rights', 'en', 'Five years "in figures" & more', 'rights');
    expect(code).toBe(
      '<div data-pym-src="https://x.test/?mode=embed&amp;lang=en&amp;section=rights" data-pym-title="Five years &quot;in figures&quot; &amp; more" data-pym-trackscroll="true" data-pym-scrollwait="30"></div>\n' +
        '<script src="https://x.test/embed/pym.v1.min.js"></script>',
    );
  });

  it('embeds the whole story without a section', () => {
    expect(embedSnippet('https://x.test/', 'zh', 't', null)).toContain('data-pym-src="https://x.test/?mode=embed&amp;lang=zh"');
  });
});
