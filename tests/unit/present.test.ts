import { describe, expect, it } from 'vitest';
import { themes } from '../../src/data/story';
import { Deck } from '../../src/present/deck.svelte';
import { command, type Command } from '../../src/present/keymap';
import { firstSlideOf, slideIndex, slides } from '../../src/present/slides';
import { readMessage } from '../../src/present/sync';

describe('the slide model', () => {
  const steps = themes.flatMap((t) => t.sections.flatMap((s) => s.steps));

  it('is a title slide, one slide per step of the story in order, and a closing slide', () => {
    expect(slides[0].kind).toBe('title');
    expect(slides.at(-1)!.kind).toBe('end');
    expect(slides.slice(1, -1).map((s) => s.id)).toEqual(steps.map((s) => s.id));
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
  });

  it.each([
    [null, 0],
    [1, 0],
    [2, 1],
    [slides.length, slides.length - 1],
    [9999, slides.length - 1],
    [0, 0],
    [Number.NaN, 0],
  ])('?step=%s opens slide index %i', (n, i) => expect(slideIndex(n)).toBe(i));

  it.each([
    ['political', 1],
    ['advanced', 1 + 5],
    ['rights', slides.findIndex((s) => s.id === 'consultation')],
    ['laborMedals', slides.findIndex((s) => s.id === 'honours')], // a figure: its step's slide
    ['nope', 0],
    [null, 0],
  ])('?section=%s opens slide %i', (id, i) => expect(firstSlideOf(id)).toBe(i));
});

describe('the key map', () => {
  it.each<[string, Command['do']]>([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['Enter', 'next'],
    ['ArrowLeft', 'prev'],
    ['ArrowUp', 'prev'],
    ['PageUp', 'prev'],
    ['Backspace', 'prev'],
    ['Home', 'first'],
    ['End', 'last'],
    ['f', 'fullscreen'],
    ['F', 'fullscreen'],
    ['b', 'black'],
    ['B', 'black'],
    ['.', 'black'],
    ['x', 'none'],
    ['Escape', 'none'], // the browser itself leaves fullscreen
  ])('%j -> %s', (key, what) => expect(command(key, '').do).toBe(what));

  it('jumps to a typed number on Enter', () => {
    expect(command('1', '')).toEqual({ do: 'type', digits: '1' });
    expect(command('2', '1')).toEqual({ do: 'type', digits: '12' });
    expect(command('Enter', '12')).toEqual({ do: 'goto', slide: 12 });
    expect(command('5', '1234')).toEqual({ do: 'none' }); // no absurd numbers
  });
});

describe('the deck', () => {
  it('steps, clamps at both ends, jumps and blacks out', () => {
    const moves: number[] = [];
    const deck = new Deck(5);
    deck.subscribe((d) => moves.push(d.index));
    deck.run({ do: 'prev' });
    expect(deck.index).toBe(0);
    deck.run({ do: 'next' });
    deck.run({ do: 'last' });
    deck.run({ do: 'next' });
    expect(deck.index).toBe(4);
    deck.run({ do: 'goto', slide: 2 });
    expect(deck.index).toBe(1);
    deck.run({ do: 'black' });
    expect(deck.black).toBe(true);
    deck.run({ do: 'next' }); // moving on lifts the black screen
    expect(deck.black).toBe(false);
    expect(moves).toEqual([1, 4, 1, 1, 2]);
  });

  it('takes a state from another window without telling it back', () => {
    const deck = new Deck(5);
    let told = 0;
    deck.subscribe(() => told++);
    deck.sync(3, true);
    expect([deck.index, deck.black, told]).toEqual([3, true, 0]);
  });

  // A lobby loop moves its own window only (it must never drive a live speaker session).
  it('moves quietly when asked, and stops telling an unsubscribed listener', () => {
    const deck = new Deck(5);
    let told = 0;
    const off = deck.subscribe(() => told++);
    deck.go(2, true);
    deck.go(3);
    off();
    deck.go(4);
    expect([deck.index, told]).toEqual([4, 1]);
  });
});

describe('messages between windows', () => {
  it.each([
    [{ type: 'hello' }, { type: 'hello' }],
    [{ type: 'state', index: 3, black: false }, { type: 'state', index: 3, black: false }],
    [{ type: 'state', index: 30, black: false }, null],
    [{ type: 'state', index: -1, black: false }, null],
    [{ type: 'state', index: 1.5, black: false }, null],
    [{ type: 'state', index: '2', black: false }, null],
    [{ type: 'state', index: 2 }, null],
    [{ type: 'hello', extra: '<script>' }, null],
    [{ type: 'eval', code: 'alert(1)' }, null],
    ['hello', null],
    [null, null],
  ])('%j -> %j', (data, expected) => expect(readMessage(data, 30)).toEqual(expected));
});
