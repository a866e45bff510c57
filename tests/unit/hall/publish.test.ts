import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, isJsonType, keyChecker, keyTries, parseSlide, rateCap, readCapped } from '../../../server/publish.mjs';

describe('a publish body', () => {
  it.each([
    ['{"index":0,"black":false,"seq":1}', { index: 0, black: false, seq: 1 }],
    ['{"index":4,"black":true,"seq":77}', { index: 4, black: true, seq: 77 }],
    ['{"seq":3,"black":true,"index":2}', { index: 2, black: true, seq: 3 }],
    [' { "index" : 3 , "black" : false , "seq" : 9007199254740991 } ', { index: 3, black: false, seq: 9007199254740991 }],
    ['{"index":-0,"black":false,"seq":1}', { index: 0, black: false, seq: 1 }],
  ])('%s is the slide %o', (body, slide) => {
    const parsed = parseSlide(body, 5);
    expect(parsed).toEqual(slide);
    expect(Object.is(parsed?.index, -0)).toBe(false);
  });

  it.each([
    ['{"index":5,"black":false,"seq":1}', 'index = slide count'],
    ['{"index":-1,"black":false,"seq":1}', 'negative'],
    ['{"index":1.5,"black":false,"seq":1}', 'not an integer'],
    ['{"index":"1","black":false,"seq":1}', 'index as a string'],
    ['{"index":1e400,"black":false,"seq":1}', 'infinite'],
    ['{"index":1,"black":"false","seq":1}', 'black as a string'],
    ['{"index":1,"black":0,"seq":1}', 'black as a number'],
    ['{"index":1,"seq":1}', 'black missing'],
    ['{"black":true,"seq":1}', 'index missing'],
    ['{"index":1,"black":false}', 'seq missing'],
    ['{"index":1,"black":false,"seq":0}', 'seq 0: the hall before any publish'],
    ['{"index":1,"black":false,"seq":-3}', 'seq negative'],
    ['{"index":1,"black":false,"seq":2.5}', 'seq not whole'],
    ['{"index":1,"black":false,"seq":"4"}', 'seq as a string'],
    ['{"index":1,"black":false,"seq":9007199254740992}', 'seq past 2^53 - 1'],
    ['{"index":1,"black":false,"seq":1,"extra":1}', 'another key'],
    ['{"index":1,"black":false,"__proto__":{},"seq":1}', 'a __proto__ key'],
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

describe('wrong keys from one address', () => {
  it('ten a minute, then refused until the oldest is a minute old; other addresses unaffected', () => {
    let t = 0;
    const tries = keyTries({ now: () => t });
    for (let i = 0; i < 10; i++) {
      expect(tries.wait('10.0.0.9')).toBe(0);
      tries.fail('10.0.0.9');
      t += 1000;
    }
    expect(tries.wait('10.0.0.9')).toBe(50); // the first try was at 0 s, it is now 10 s
    expect(tries.wait('10.0.0.10')).toBe(0);
    t = 60_001;
    expect(tries.wait('10.0.0.9')).toBe(0); // the first has aged out: one more try
    tries.fail('10.0.0.9');
    expect(tries.wait('10.0.0.9')).toBe(1);
  });

  it('remembers a bounded number of addresses, forgetting the oldest', () => {
    const tries = keyTries({ perMinute: 1, maxAddresses: 3, now: () => 0 });
    for (const a of ['a', 'b', 'c', 'd']) tries.fail(a);
    expect(['a', 'b', 'c', 'd'].map((a) => tries.wait(a) > 0)).toEqual([false, true, true, true]);
  });
});
