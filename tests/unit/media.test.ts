import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customMedia, WIDE_PX } from '../../src/breakpoints';
import { withMedia } from '../../vite.media';

describe('breakpoints', () => {
  it('writes each named query out from the table, and leaves other media alone', () => {
    expect(withMedia('@media (--wide) { a { b: c } }')).toBe(`@media ${customMedia.wide} { a { b: c } }`);
    expect(withMedia('@media print and (--narrow) {')).toBe('@media print and (max-width: 767px) {');
    expect(withMedia('@media (hover: hover) { } @media (prefers-reduced-motion: reduce) { }')).toBe('@media (hover: hover) { } @media (prefers-reduced-motion: reduce) { }');
    expect(withMedia('@container (min-width: 300px) { }')).toBe('@container (min-width: 300px) { }'); // a chart's own box
  });

  // The promise: a breakpoint has one copy. A width typed into a stylesheet, or a name the table
  // lacks, fails the build instead of drifting from the table.
  it.each(['@media (min-width: 768px) {', '@media (max-width:40rem) {', '@media screen and (min-device-width: 1px) {', '@media (--tablet) {'])(
    'refuses %s',
    (css) => {
      expect(() => withMedia(css, 'x.css')).toThrow(/x\.css/);
    },
  );

  // Either side of the line, nothing in between and no overlap: at WIDE_PX exactly the layout is wide.
  it('splits the screen widths at WIDE_PX', () => {
    expect(customMedia.wide).toBe(`(min-width: ${WIDE_PX}px)`);
    expect(customMedia.narrow).toBe(`(max-width: ${WIDE_PX - 1}px)`);
  });

  it('is what every stylesheet of the project names (each passes the build\'s check)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(svelte|css)$/.test(f));
    for (const file of files) expect(() => withMedia(readFileSync(`src/${file}`, 'utf8'), file)).not.toThrow();
  });
});
