import { describe, expect, it } from 'vitest';
import { typeOfVisit, type TypeSize } from '../../src/lib/largeType';

describe('typeOfVisit', () => {
  it.each<[string, string | null, TypeSize]>([
    ['', null, 0], // the usual type
    ['', '2', 2], // the size this device keeps
    ['?type=large', null, 1], // the URL opens the first size
    ['?type=large', '3', 3], // or the size kept, if larger type is kept
    ['?lang=en&type=large', null, 1],
    ['?type=huge', null, 0],
    ['?type=large&type=large', null, 0], // repeated: not ours to guess
    ['?type=LARGE', null, 0],
    ['', '4', 0],
    ['', 'toString', 0], // not a size, whatever the storage holds
    ['', '<img src=x>', 0],
  ])('%s with %s kept -> %i', (search, kept, size) => {
    expect(typeOfVisit(search, kept)).toBe(size);
  });
});
