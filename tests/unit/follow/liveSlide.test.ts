import { describe, expect, it } from 'vitest';
import { parseLiveSlide } from '../../../src/hall/liveSlide';

// A follower takes exactly what the hall sends, `{"index":<int>,"black":<bool>}` within the deck;
// anything else on the stream (a proxy's page, a stray event, a hostile server) moves nothing.
describe('parseLiveSlide', () => {
  it.each<[unknown, ReturnType<typeof parseLiveSlide>]>([
    ['{"index":0,"black":false}', { index: 0, black: false }],
    ['{"index":9,"black":true}', { index: 9, black: true }],
    ['{"black":true,"index":3}', { index: 3, black: true }],
    [' {"index":3,"black":false} ', { index: 3, black: false }],
    ['{"index":-0,"black":false}', { index: 0, black: false }],
    ['{"index":10,"black":false}', null], // past the deck
    ['{"index":-1,"black":false}', null],
    ['{"index":1.5,"black":false}', null],
    ['{"index":"1","black":false}', null],
    ['{"index":1,"black":"false"}', null],
    ['{"index":1}', null],
    ['{"index":1,"black":false,"key":"x"}', null],
    ['{"index":1,"black":false,"__proto__":{}}', null],
    ['[1,false]', null],
    ['null', null],
    ['', null],
    ['{index:1,black:false}', null],
    ['{"index":1e400,"black":false}', null],
    [`{"index":1,"black":false}${' '.repeat(100)}`, null], // longer than any real event
    [{ index: 1, black: false }, null], // not text
    [undefined, null],
  ])('%j -> %j', (data, expected) => expect(parseLiveSlide(data, 10)).toEqual(expected));
});
