import { describe, expect, it } from 'vitest';
import { isMode, MODE_FACTS, modeOf } from '../../src/lib/modes';

describe('modes', () => {
  // The guard that replaced `mode as Mode`: an inherited property name is no mode.
  it.each([
    ['story', true],
    ['present', true],
    ['print', true],
    ['constructor', false],
    ['toString', false],
    ['Story', false],
    ['', false],
    [null, false],
    [3, false],
  ])('isMode(%j) is %s', (value, expected) => {
    expect(isMode(value)).toBe(expected);
  });

  it.each([
    ['', 'story'],
    ['mode=present', 'present'],
    ['mode=%20embed%20', 'embed'],
    ['mode=follow&mode=follow', 'story'], // repeated: no single answer
    ['mode=__proto__', 'story'],
    ['mode=<script>', 'story'],
  ])('?%s is %s', (search, expected) => {
    expect(modeOf(new URLSearchParams(search))).toBe(expected);
  });

  // The facts the start relies on: the deck's words for every view of slides, the built page only for the story.
  it('says which modes show slides, which is the built page, which lives in a host', () => {
    const having = (fact: 'slides' | 'builtPage' | 'hosted' | 'projected') =>
      Object.entries(MODE_FACTS)
        .filter(([, facts]) => facts[fact])
        .map(([mode]) => mode);
    expect(having('slides')).toEqual(['present', 'presenter', 'follow']);
    expect(having('builtPage')).toEqual(['story']);
    expect(having('hosted')).toEqual(['embed']);
    expect(having('projected')).toEqual(['present']);
  });
});
