import { describe, expect, it } from 'vitest';
import { cellText, optionalCellText } from './cell-text.js';

describe('cellText', () => {
  it('drops control characters XML cannot hold but keeps tabs and line breaks', () => {
    expect(cellText('a\u0000b\u0007c\td\ne\r\nf')).toBe('abc\td\ne\r\nf');
  });

  it("cuts text at Excel's cell limit with an ellipsis", () => {
    const text = cellText('x'.repeat(40_000));
    expect(text).toHaveLength(32_767);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps a formula-looking value as plain text', () => {
    expect(cellText('=HYPERLINK("http://evil")')).toBe('=HYPERLINK("http://evil")');
  });

  it('leaves null as an empty cell', () => {
    expect(optionalCellText(null)).toBeNull();
  });
});
