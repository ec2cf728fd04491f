import { describe, expect, it } from 'vitest';
import { parseDisposition } from './content-disposition.js';

describe('parseDisposition', () => {
  it('reads a quoted raw file name (what the SDK sends)', () => {
    expect(parseDisposition('attachment; filename="WR 1001 report.xlsx"').filename).toBe(
      'WR 1001 report.xlsx',
    );
  });

  it('decodes a URL-encoded file name (what the docs ask for)', () => {
    expect(parseDisposition('attachment; filename="WR%201001%20report.xlsx"').filename).toBe(
      'WR 1001 report.xlsx',
    );
  });

  it('prefers RFC 5987 filename* over filename', () => {
    expect(
      parseDisposition(`attachment; filename="x.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`).filename,
    ).toBe('Résumé.pdf');
  });

  it('repairs UTF-8 bytes that Node read as latin1', () => {
    const latin1 = Buffer.from('Résumé.pdf', 'utf8').toString('latin1');
    expect(parseDisposition(`attachment; filename="${latin1}"`).filename).toBe('Résumé.pdf');
  });

  it('reads unquoted names and form-data parameters', () => {
    const parsed = parseDisposition('form-data; name="file"; filename=a.csv');
    expect(parsed.type).toBe('form-data');
    expect(parsed.parameters.get('name')).toBe('file');
    expect(parsed.filename).toBe('a.csv');
  });
});
