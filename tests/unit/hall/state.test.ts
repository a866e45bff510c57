// The hall's state folder: what a restart finds there, whatever happened to it.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isInside, openHallState, parseHeld, writeAtomic } from '../../../server/hallState.mjs';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'hall-state-test-'));
  dirs.push(d);
  return join(d, '.hall');
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

const open = (dir: string, more: Partial<Parameters<typeof openHallState>[0]> = {}) => {
  const warnings: string[] = [];
  const state = openHallState({ dir, slideCount: 30, warn: (m) => warnings.push(m), ...more });
  return { state, warnings };
};

describe('the state folder', () => {
  it('missing: made (owner only), no live slide, a new 192-bit key kept owner-only; then remembered', () => {
    const dir = fresh();
    const { state, warnings } = open(dir);
    expect(warnings).toEqual([]);
    expect(state.slide).toEqual({ index: 0, black: false, seq: 0 });
    expect(state.keySource).toBe('new');
    expect(state.key).toMatch(/^[\w-]{32}$/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'key')).mode & 0o777).toBe(0o600);
    state.save({ index: 12, black: true, seq: 40 });
    const again = open(dir);
    expect(again.state.slide).toEqual({ index: 12, black: true, seq: 40 });
    expect(again.state.key).toBe(state.key);
    expect(again.state.keySource).toBe('kept');
    expect(readdirSync(dir).sort()).toEqual(['key', 'state.json']); // no temp file left behind
  });

  it('HALL_KEY is used and never written; HALL_NEW_KEY replaces the kept key, not the slide', () => {
    const dir = fresh();
    const first = open(dir).state;
    first.save({ index: 3, black: false, seq: 5 });
    const given = open(dir, { key: 'given-key-0123456789abcdef' }).state;
    expect([given.key, given.keySource]).toEqual(['given-key-0123456789abcdef', 'HALL_KEY']);
    expect(readFileSync(join(dir, 'key'), 'utf8').trim()).toBe(first.key);
    const rotated = open(dir, { newKey: true }).state;
    expect(rotated.key).not.toBe(first.key);
    expect(rotated.slide).toEqual({ index: 3, black: false, seq: 5 });
    expect(open(dir).state.key).toBe(rotated.key);
  });

  it('a torn write (a temp file left by a crash mid-write) leaves the last whole state', () => {
    const dir = fresh();
    open(dir).state.save({ index: 7, black: false, seq: 9 });
    writeFileSync(join(dir, 'state.json.4242.tmp'), '{"index":8,"bla');
    expect(open(dir).state.slide).toEqual({ index: 7, black: false, seq: 9 });
  });

  it.each([
    ['not JSON', '{"index":8,"bla', /unreadable \(not JSON\)/],
    ['another shape', '{"index":"8","black":false,"seq":3}', /unreadable/],
    ['no seq', '{"index":8,"black":false}', /unreadable/],
    ['a slide past the deck (another build)', '{"index":30,"black":false,"seq":3}', /slide 31 is past this deck's 30/],
  ])('a state file with %s: a clear message, no live slide, never a crash', (_, text, message) => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'state.json'), text);
    const { state, warnings } = open(dir);
    expect(state.slide.seq).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
    expect(warnings[0]).toContain('the speaker view sends its own');
  });

  it('a key file with no usable key: a new one, said', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'key'), 'weak\n');
    const { state, warnings } = open(dir);
    expect(state.keySource).toBe('new');
    expect(warnings.join()).toMatch(/no usable key/);
  });

  it('a key file copied in readable by others is made owner-only', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'key'), 'copied-key-0123456789abcdef\n', { mode: 0o644 });
    expect(open(dir).state.key).toBe('copied-key-0123456789abcdef');
    expect(statSync(join(dir, 'key')).mode & 0o777).toBe(0o600);
  });

  // Root ignores file modes: the read-only folder is a file in the folder's place instead.
  it('a folder that cannot be made: one message, and the hall runs on from memory', () => {
    const parent = fresh();
    mkdirSync(join(parent, '..'), { recursive: true });
    writeFileSync(parent, 'a file where the folder should be');
    const { state, warnings } = open(parent);
    expect(state.key).toMatch(/^[\w-]{32}$/); // this run still has a key
    state.save({ index: 1, black: false, seq: 1 });
    state.save({ index: 2, black: false, seq: 2 });
    expect(warnings).toHaveLength(1); // said once, not at every move
    expect(warnings.every((w) => w.includes('the hall runs on'))).toBe(true);
    expect(existsSync(join(parent, 'state.json'))).toBe(false);
  });
});

describe('the pieces', () => {
  it('writeAtomic replaces a file whole, with the mode asked for', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'f');
    writeAtomic(file, 'one', 0o600);
    writeAtomic(file, 'two', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('parseHeld takes only a slide of this deck with a seq from 1', () => {
    expect(parseHeld('{"index":2,"black":true,"seq":1}', 3)).toEqual({ held: { index: 2, black: true, seq: 1 } });
    expect(parseHeld('{"index":2,"black":true,"seq":0}', 3).why).toBeTruthy();
    expect(parseHeld('null', 3).why).toBeTruthy();
  });

  it.each([
    ['/a/site/.hall', '/a/site', true],
    ['/a/site', '/a/site', true],
    ['/a/.hall', '/a/site', false],
    ['/a/site-other', '/a/site', false],
  ])('%s inside %s: %s', (inner, outer, inside) => expect(isInside(inner, outer)).toBe(inside));
});
