import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.js';
import { csvField, csvRecord } from './violations-csv.js';

// What a field reads as once a spreadsheet-formula start has been defused.
const guarded = (text: string) =>
  /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;

describe('violations CSV', () => {
  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\r\nlines', null, 42])).toBe(
      'plain,"a,b","say ""hi""","two\r\nlines",,42\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(-1250)).toBe('-1250');
  });

  it('round-trips any text through an RFC 4180 parser (formula guard aside)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\r', '\n', ' ', '$', '1', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const csv = rows.map((row) => csvRecord(['x', ...row])).join('');
          const parsed = parseCsv(csv);
          expect(parsed.ok).toBe(true);
          if (parsed.ok)
            expect(parsed.records.map((r) => r.fields)).toEqual(
              rows.map((row) => ['x', ...row.map(guarded)]),
            );
        },
      ),
    );
  });
});
