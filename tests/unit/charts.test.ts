import { describe, expect, it } from 'vitest';
import { emWidth, valueWidth } from '../../src/charts/fitFont';
import { gridColumns, squaresPath, unitsPerMark } from '../../src/charts/squares';
import { stagger } from '../../src/charts/stagger';
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

describe('gridColumns', () => {
  it.each<[number[], number]>([
    [[6], 6], // six squares read best in one row
    [[55], 11], // about twice as wide as tall: 11 x 5
    [[54, 8], 12], // one grid for both counts
    [[106], 15],
    [[5000], 40], // never wider than 40
  ])('%j: %i columns', (counts, cols) => expect(gridColumns(counts)).toBe(cols));
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

describe('stagger', () => {
  it.each([
    [0, 3, { 'data-at': '0.000', 'data-share': '0.6' }],
    [2, 3, { 'data-at': '0.400', 'data-share': '0.6' }], // the last ends with the reveal
    [0, 1, { 'data-at': '0.000', 'data-share': '1' }], // one item: the whole reveal
  ])('item %i of %i', (i, n, timing) => expect(stagger(i, n)).toEqual(timing));

  it('ends every item within the reveal, each starting after the one before', () => {
    for (const n of [2, 4, 10]) {
      let last = -1;
      for (let i = 0; i < n; i++) {
        const t = stagger(i, n, 0.8);
        expect(Number(t['data-at'])).toBeGreaterThan(last);
        expect(Number(t['data-at']) + Number(t['data-share'])).toBeLessThanOrEqual(1.0005);
        last = Number(t['data-at']);
      }
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
    [['', '1247', ''], 2.8],
    [['', '3200', '余场'], 2.8 + 0.55 * 2],
    [['more than ', '5,000', ''], 4 * 0.7 + 0.38 + 0.55 * (8 * 0.7 + 2 * 0.32)],
  ] as const)('%j: %d em', (parts, em) => expect(valueWidth([...parts])).toBeCloseTo(em, 5));
});
