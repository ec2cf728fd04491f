import { describe, expect, it } from 'vitest';
import { parseCheckbox } from './checkbox.js';

describe('parseCheckbox', () => {
  it.each([true, 1, 'true', 'TRUE', 'checked', 'Checked', 'yes', 'Y', 'y', '1', 'on', ' On '])(
    '%j is checked',
    (value) => {
      expect(parseCheckbox(value)).toBe(true);
    },
  );

  it.each([false, 0, 2, '', 'false', 'no', 'off', '0', 'x', 'unchecked', null, undefined])(
    '%j is not checked',
    (value) => {
      expect(parseCheckbox(value)).toBe(false);
    },
  );
});
