import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.records;
}

describe('parseCsv', () => {
  it('reads a BOM, CRLF, quoted commas and doubled quotes', () => {
    expect(records('\uFEFFa,b\r\nCU-2,"ALB,6ft Round 1 1/4"" Dia"\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['CU-2', 'ALB,6ft Round 1 1/4" Dia'] },
    ]);
  });

  it('keeps line breaks inside quotes and counts physical lines', () => {
    expect(records('a,b\n"x\r\ny",z\nlast,"",\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny', 'z'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('skips blank lines and reads a last line without a line break', () => {
    expect(records('a\n\n\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it.each([
    ['a,b\nc,"open\n', 2, 'never closed'],
    ['a,b\nc,d"e\n', 2, 'quote inside an unquoted field'],
    ['a\n"x"y\n', 2, 'after a closing quote'],
  ])('reports %j at line %i', (text, line, message) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(line);
      expect(result.error.message).toContain(message);
    }
  });

  it('reads back any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '$') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows
            .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
            .join('\r\n');
          expect(records(text).map((record) => record.fields)).toEqual(rows);
        },
      ),
    );
  });
});
