import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrCode } from '../../../src/present/qrCode';
import { qrPath } from '../../../src/present/qrPath';
import { showsQr } from '../../../src/hall/qrSlides';
import { slides } from '../../../src/present/slides';

describe('qrPath', () => {
  it('draws each run of dark modules in a row as one rectangle', () => {
    const rows = ['##.#', '....', '.###', '#..#'];
    expect(qrPath(4, (r, c) => rows[r][c] === '#')).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3zM0 3h1v1h-1zM3 3h1v1h-1z');
  });

  it('is empty for an empty matrix', () => {
    expect(qrPath(3, () => false)).toBe('');
  });
});

describe('qrCode', () => {
  // The drawing must carry every module of the code the library computes, or phones cannot read it.
  it('covers exactly the dark modules of the audience address’s code', async () => {
    const url = 'http://192.168.1.23:8080/?mode=follow';
    const { size, path } = await qrCode(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    const drawn = new Set<string>();
    for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g))
      for (let i = 0; i < Number(n); i++) drawn.add(`${Number(y)},${Number(x) + i}`);
    const dark = new Set<string>();
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (modules.get(r, c)) dark.add(`${r},${c}`);
    expect(drawn).toEqual(dark);
  });
});

describe('showsQr', () => {
  it('is on the title, each theme’s first slide and the end, and nowhere else', () => {
    const shown = slides.flatMap((s, i) => (showsQr(i) ? [s.kind === 'step' ? s.theme.id : s.kind] : []));
    expect(shown).toEqual(['title', 'political', 'advanced', 'mass', 'end']);
    expect(showsQr(1)).toBe(true); // the political theme opens the deck
    expect(showsQr(2)).toBe(false);
    expect(showsQr(-1)).toBe(false);
    expect(showsQr(slides.length)).toBe(false);
  });
});
