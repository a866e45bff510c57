import { describe, expect, it } from 'vitest';
import { childIdFrom, readHostViewport } from '../../src/embed/pymChild';
import { embedSnippet } from '../../src/embed/snippet';

const ID = 'pym-0-abc12';
const msg = (type: string, payload: string, id = ID) => ['pym', id, type, payload].join('xPYMx');

// Trust nothing from the host that is not a well-formed pym viewport message for our id.
describe('readHostViewport', () => {
  it.each<[string, unknown, unknown]>([
    ['viewport position', msg('viewport-iframe-position', '390 844 -1200.5 8 6000 398'), { height: 844, top: -1200.5 }],
    ['a screen taller than any screen is clamped', msg('viewport-iframe-position', '390 9000000 0 0 0 390'), { height: 10_000, top: 0 }],
    ['another child', msg('viewport-iframe-position', '390 844 0 0 0 390', 'pym-1-zzz'), null],
    ['width: parsed by pym, of no use to us', msg('width', '680'), null],
    ['a type we do not take', msg('navigateTo', 'javascript:alert(1)'), null],
    ['scrollToChildPos', msg('scrollToChildPos', '100'), null],
    ['markup for a number', msg('viewport-iframe-position', '<img src=x onerror=alert(1)> 844 0 0 0 0'), null],
    ['NaN', msg('viewport-iframe-position', 'NaN 844 0 0 0 0'), null],
    ['too few fields', msg('viewport-iframe-position', '390 844 0'), null],
    ['a huge number', msg('viewport-iframe-position', '390 844 -99999999999 0 0 390'), null],
    ['an empty field', msg('viewport-iframe-position', '390  0 0 0 390'), null],
    ['a zero viewport', msg('viewport-iframe-position', '0 0 0 0 0 0'), null],
    ['an extra delimiter', msg('viewport-iframe-position', '390 844 0 0 0 390xPYMx1'), null],
    ['an over-long message', msg('viewport-iframe-position', '1 '.repeat(200)), null],
    ['an object', { type: 'viewport', height: 844 }, null],
    ['null', null, null],
    ['not pym', 'hello', null],
  ])('%s', (_what, data, expected) => expect(readHostViewport(data, ID)).toEqual(expected));
});

// pym takes the container's element id as the child id: anything a newsroom's page may use.
describe('childIdFrom', () => {
  it.each([
    ['?mode=embed&initialWidth=680&childId=pym-0-abc12&parentTitle=x', 'pym-0-abc12'],
    ['?childId=story.embed', 'story.embed'],
    ['?childId=%3Ar1%3A', ':r1:'], // React's useId
    ['?childId=%E5%9B%BE%E8%A1%A8', '图表'],
    ['?mode=embed', null],
    ['?childId=a&childId=b', null],
    ['?childId=a%20b', null], // whitespace: not an element id pym could have made
    ['?childId=axPYMxb', null], // would break the messages it travels in
    ['?childId=', null],
    ['?childId=' + 'a'.repeat(65), null],
  ])('%s -> %s', (search, id) => expect(childIdFrom(search)).toBe(id));
});

describe('the embed snippet', () => {
  it('points a pym container and pym.js at our folder, in the language and section asked, hardened for the host', () => {
    const code = embedSnippet('https://x.test/graphics/story/', 'en', 'Five years "in figures" & more', 'rights');
    expect(code).toBe(
      '<div data-pym-src="https://x.test/graphics/story/?mode=embed&amp;lang=en&amp;section=rights" ' +
        'data-pym-title="Five years &quot;in figures&quot; &amp; more" data-pym-trackscroll="true" data-pym-scrollwait="30" ' +
        'data-pym-optionalparams="false" data-pym-xdomain="^https:\\/\\/x\\.test"></div>\n' +
        '<script src="https://x.test/graphics/story/embed/pym.v1.min.js"></script>',
    );
  });

  it('embeds the whole story without a section', () => {
    expect(embedSnippet('https://x.test/', 'zh', 't', null)).toContain('data-pym-src="https://x.test/?mode=embed&amp;lang=zh"');
  });

  // pym builds `new RegExp(xdomain + '$')` and tests the sender's origin: ours, and only ours, passes.
  it.each([
    ['http://127.0.0.1:4173/', 'http://127.0.0.1:4173', true],
    ['http://127.0.0.1:4173/', 'http://127.0.0.1:41739', false],
    ['http://127.0.0.1:4173/', 'http://127.0.0.1x4173', false],
    ['https://x.test/a/', 'https://evil.test/https://x.test', false],
    ['https://x.test/a/', 'https://x.test.evil.test', false],
  ])('the xdomain of %s accepts messages from %s: %s', (root, origin, ok) => {
    const xdomain = /data-pym-xdomain="([^"]*)"/.exec(embedSnippet(root, 'en', 't', null))![1].replace(/&amp;/g, '&');
    expect(new RegExp(xdomain + '$').test(origin)).toBe(ok);
  });
});
