import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, isJsonType, keyChecker, parseSlide, rateCap, readCapped } from '../../../server/publish.mjs';

describe('a publish body', () => {
  it.each([
    ['{"index":0,"black":false}', { index: 0, black: false }],
    ['{"index":4,"black":true}', { index: 4, black: true }],
    ['{"black":true,"index":2}', { index: 2, black: true }],
    [' { "index" : 3 , "black" : false } ', { index: 3, black: false }],
    ['{"index":-0,"black":false}', { index: 0, black: false }],
  ])('%s is the slide %o', (body, slide) => {
    const parsed = parseSlide(body, 5);
    expect(parsed).toEqual(slide);
    expect(Object.is(parsed?.index, -0)).toBe(false);
  });

  it.each([
    ['{"index":5,"black":false}', 'index = slide count'],
    ['{"index":-1,"black":false}', 'negative'],
    ['{"index":1.5,"black":false}', 'not an integer'],
    ['{"index":"1","black":false}', 'index as a string'],
    ['{"index":1e400,"black":false}', 'infinite'],
    ['{"index":1,"black":"false"}', 'black as a string'],
    ['{"index":1,"black":0}', 'black as a number'],
    ['{"index":1}', 'black missing'],
    ['{"black":true}', 'index missing'],
    ['{"index":1,"black":false,"extra":1}', 'another key'],
    ['{"index":1,"black":false,"__proto__":{}}', 'a __proto__ key'],
    ['[1,false]', 'an array'],
    ['null', 'null'],
    ['1', 'a number'],
    ['', 'empty'],
    ['{"index":1,"black":false', 'truncated'],
    ["{'index':1,'black':false}", 'not JSON'],
  ])('%s is refused (%s)', (body) => expect(parseSlide(body, 5)).toBeNull());

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset="UTF-8"', true],
    ['text/plain', false],
    ['application/json; charset=latin1', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('content type %s accepted: %s', (type, ok) => expect(isJsonType(type)).toBe(ok));

  it('refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8(Buffer.from([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(decodeUtf8(Buffer.from('{"index":1}'))).toBe('{"index":1}');
  });
});

describe('the key check', () => {
  const isKey = keyChecker('the-right-key-0123456789');
  it.each([
    ['the-right-key-0123456789', true],
    ['the-right-key-012345678', false],
    ['the-right-key-01234567890', false],
    ['THE-RIGHT-KEY-0123456789', false],
    ['', false],
    [undefined, false],
    [['the-right-key-0123456789'], false], // a repeated header arrives as an array
  ])('%o is the key: %s', (given, ok) => expect(isKey(given)).toBe(ok));
});

describe('the rate cap', () => {
  it('allows a burst, then refills at the rate', () => {
    let t = 0;
    const cap = rateCap({ perSecond: 20, burst: 20, now: () => t });
    const burst = Array.from({ length: 25 }, () => cap.take());
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(burst.slice(20)).toEqual([false, false, false, false, false]);
    t += 50; // 50 ms at 20/s is one token
    expect([cap.take(), cap.take()]).toEqual([true, false]);
    t += 10_000; // a long pause refills only up to the burst
    expect(Array.from({ length: 21 }, () => cap.take()).filter(Boolean)).toHaveLength(20);
  });
});

describe('reading a capped body', () => {
  const request = (chunks: string[], length?: number) =>
    Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), {
      headers: length === undefined ? {} : { 'content-length': String(length) },
    }) as unknown as IncomingMessage;

  it('returns a body within the cap', async () => {
    expect((await readCapped(request(['{"a":', '1}']), 256))?.toString()).toBe('{"a":1}');
  });
  it('refuses a declared length over the cap before reading', async () => {
    expect(await readCapped(request(['x'], 257), 256)).toBeNull();
  });
  it('gives up on a client that goes away mid-body', async () => {
    const gone = Object.assign(new Readable({ read() {} }), { headers: {} }) as unknown as IncomingMessage;
    gone.push('{"index":');
    setTimeout(() => gone.destroy(), 10);
    await expect(readCapped(gone, 256)).rejects.toThrow(/closed/);
  });
  it('refuses a chunked body once it passes the cap', async () => {
    expect(await readCapped(request(['x'.repeat(200), 'y'.repeat(100)]), 256)).toBeNull();
  });
});
