import { describe, expect, it } from 'vitest';
import { emWidth, fitLines, fitValues, valueWidth } from '../../src/charts/fitFont';
import { sharedGrid, squaresPath, unitsPerMark } from '../../src/charts/squares';
import { stagger } from '../../src/charts/stagger';
import { typeScale } from '../../src/charts/typeScale';
import { indexAtLine } from '../../src/scroll/stepAtLine';

// The pure helpers behind the charts' layout, table by table (as LayerCake tests its accessors).
describe('unitsPerMark', () => {
  it.each([
    [6, 1],
    [120, 1],
    [121, 10],
    [1058, 10],
    [5000, 100],
    [30_000, 1000],
  ])('%i units: a mark per %i', (largest, per) => expect(unitsPerMark(largest)).toBe(per));
});

describe('sharedGrid', () => {
  it.each<[number[], number, number, { cols: number; cell: number }]>([
    [[6], 360, 200, { cols: 6, cell: 48 }], // six squares read best in one row, at the largest size
    [[55], 300, 300, { cols: 8, cell: 37 }],
    [[54, 8], 300, 300, { cols: 8, cell: 37 }], // one size for both counts, stacked: 7 + 1 rows
    [[30], 100, 1000, { cols: 2, cell: 48 }],
    [[1000], 50, 50, { cols: 32, cell: 3 }], // never below 3 px
  ])('%j in %ix%i', (counts, w, h, grid) => expect(sharedGrid(counts, w, h)).toEqual(grid));

  it('fits its rows in the height it is given', () => {
    for (const [counts, w, h] of [[[55], 300, 180], [[5000 / 100], 390, 200], [[106], 320, 260]] as const) {
      const { cols, cell } = sharedGrid(counts, w, h);
      expect(cols * cell).toBeLessThanOrEqual(w);
      expect(counts.reduce((rows, n) => rows + Math.ceil(n / cols), 0) * cell).toBeLessThanOrEqual(h);
    }
  });
});

describe('squaresPath', () => {
  const row = (k: number) => [k * 10, 0] as const;
  it.each([
    [0, ''],
    [1, 'M1,1h8v8h-8Z'],
    [2, 'M1,1h8v8h-8ZM11,1h8v8h-8Z'],
    [1.5, 'M1,1h8v8h-8ZM11,1h4v8h-4Z'], // the last square drawn in part
    [0.333, 'M1,1h2.66v8h-2.66Z'], // rounded to two places
  ])('%d squares of 10 px', (count, d) => expect(squaresPath(count, 10, row)).toBe(d));
});

describe('emWidth', () => {
  it.each([
    ['1247', 4 * 0.7],
    ['3200余场', 4 * 0.7 + 2],
    ['36.29 million yuan', 0.7 * 15 + 0.38 + 2 * 0.32],
  ])('%s is %d em wide, erring wide', (s, em) => expect(emWidth(s)).toBeCloseTo(em, 5));
});

describe('fitValues', () => {
  it.each<[string[], number, number, number, number]>([
    [['1247'], 280, 10, 200, 100], // 2.8 em in 280 px
    [['1247', '12.6万件'], 280, 10, 200, 280 / 3.58], // the widest sets the size: 3 digits, a point, 2 CJK at 0.55 em
    [['1247'], 28, 16, 200, 16], // never below the least
    [['1'], 1000, 10, 72, 72], // nor above the most
  ])('%j in %i px, between %i and %i: %d px', (values, width, min, max, px) => expect(fitValues(values, width, min, max)).toBeCloseTo(px, 5));
});

describe('typeScale', () => {
  it.each([
    [390, 360, { value: 42.9, label: 16.38, note: 14.04 }], // a phone's sticky graphic
    [1728, 850, { value: 102.9, label: 39.27, note: 33.66 }], // a slide's graphic at 1920x1080: labels ≥ 37 px, notes ≥ 32
    [100, 100, { value: 28, label: 16, note: 14 }], // the floor
    [4000, 4000, { value: 160, label: 44, note: 36 }], // the ceiling
  ])('%ix%i', (w, h, sizes) => {
    const t = typeScale(w, h);
    for (const key of ['value', 'label', 'note'] as const) expect(t[key]).toBeCloseTo(sizes[key], 1);
  });
});

describe('stagger', () => {
  it.each([
    [0, 0, 3, 0],
    [1, 2, 3, 1],
    [0.2, 2, 3, 0], // the last item has not started at 20 %
    [0.5, 0, 1, 1 - (1 - 0.5 / 0.6) ** 3], // one item: eased over the first 60 %
    [0.6, 0, 1, 1],
  ])('progress %d, item %i of %i: %d', (p, i, n, t) => expect(stagger(p, i, n)).toBeCloseTo(t, 6));

  it('never runs backwards as progress goes on', () => {
    for (const i of [0, 1, 2, 3]) {
      let last = 0;
      for (let p = 0; p <= 1.0001; p += 0.01) {
        const t = stagger(p, i, 4);
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
      expect(last).toBe(1);
    }
  });
});

describe('indexAtLine (the step at the trigger line, from step tops in document coordinates)', () => {
  it.each([
    [[100, 600, 1100], 50, -1],
    [[100, 600, 1100], 100, 0],
    [[100, 600, 1100], 599, 0],
    [[100, 600, 1100], 600, 1],
    [[100, 600, 1100], 99_999, 2],
    [[], 500, -1],
  ])('tops %j, line at %i: step %i', (tops, line, index) => expect(indexAtLine(tops, line)).toBe(index));
});

describe('valueWidth (the words around a number at 0.55 em)', () => {
  it.each([
    ['1247', 2.8],
    ['3200余场', 2.8 + 0.55 * 2],
    ['more than 5,000', 4 * 0.7 + 0.38 + 0.55 * (8 * 0.7 + 2 * 0.32)],
  ])('%s: %d em', (s, em) => expect(valueWidth(s)).toBeCloseTo(em, 5));
});

describe('fitLines', () => {
  const names = ['payouts from mutual medical aid and other protection plans', 'support funds of all kinds paid out'];
  it.each([
    // roomy: the largest size; short: smaller; too short for any: the floor
    [600, 400, 20],
    [300, 120, 18.5], // 2 + 2 lines: 4 x 1.35 x 18.5 + 2 x 10 = 119.9
    [300, 40, 12],
  ])('at %d x %d px sets names at %d px', (width, height, size) => {
    expect(fitLines(names, width, height, 10, 12, 20)).toBe(size);
  });

  it('never needs more height than it is given, above the floor', () => {
    for (const height of [80, 120, 160, 240]) {
      const size = fitLines(names, 300, height, 10, 8, 40);
      const lines = names.reduce((n, s) => n + Math.ceil((0.8 * emWidth(s) * size) / 300), 0);
      expect(lines * 1.35 * size + names.length * 10).toBeLessThanOrEqual(height);
    }
  });
});
