import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourDeclarations, colours, property } from '../../src/colours';
import { COLOURS_MARK, withColours } from '../../vite.colours';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('colours', () => {
  it.each([
    ['ink', '--ink'],
    ['nightMuted', '--night-muted'],
    ['mutedLarge', '--muted-large'],
  ])('%s is carried by %s', (name, expected) => {
    expect(property(name)).toBe(expected);
  });

  it('are six-digit hex values, each declared once as its property', () => {
    const declared = colourDeclarations();
    for (const [name, value] of Object.entries(colours)) {
      expect(value, name).toMatch(/^#[0-9a-f]{6}$/);
      expect(declared.split(`${property(name)}: `)).toHaveLength(2);
    }
  });

  // The bug this guards: #4a4d55 and #4a4e55, one grey written twice and drifted by one step. Two
  // colours this close are one colour: use its token.
  it('has no near-twins', () => {
    const entries = Object.entries(colours);
    for (const [i, [a, x]] of entries.entries())
      for (const [b, y] of entries.slice(i + 1)) {
        if (x === y) continue; // one value in two roles (panel, nightInk) is written once, in colours.ts
        const distance = rgb(x).reduce((sum, c, k) => sum + Math.abs(c - rgb(y)[k]), 0);
        expect(distance, `${a} ${x} and ${b} ${y}`).toBeGreaterThan(12);
      }
  });

  // The page's stylesheet takes every token from colours.ts, at the mark app.css keeps in its :root.
  it('are written into app.css at its mark, and a stylesheet without the mark is refused', () => {
    const css = withColours(readFileSync('src/app.css', 'utf8'));
    expect(css).not.toContain(COLOURS_MARK);
    for (const [name, value] of Object.entries(colours)) expect(css).toContain(`${property(name)}: ${value};`);
    expect(() => withColours(':root { --ink: #000; }')).toThrow(/colours/);
  });
});
