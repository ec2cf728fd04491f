import { describe, expect, it } from 'vitest';
import { parseWorkType } from './work-type.js';

describe('parseWorkType', () => {
  it.each([
    ['Inst', 'install'],
    ['install', 'install'],
    ['INSTALLATION', 'install'],
    [' Inst. ', 'install'],
    ['Rem', 'removal'],
    ['Removal', 'removal'],
    ['Trans', 'transfer'],
    ['tran', 'transfer'],
    ['Transfer', 'transfer'],
    ['Xfr', 'transfer'],
    ['XFR', 'transfer'],
    ['in', 'unknown'],
    ['re', 'unknown'],
    ['tra', 'unknown'],
    ['Replace', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
    [3, 'unknown'],
  ])('%j is %s', (value, workType) => {
    expect(parseWorkType(value)).toBe(workType);
  });
});
