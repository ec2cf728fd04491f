import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from './multipart-parser.js';

function multipart(boundary: string, parts: { headers: string[]; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`),
      part.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe('parseMultipart', () => {
  it('finds the file part with its name, type and exact bytes', () => {
    const bytes = Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]);
    const body = multipart('xyz', [
      { headers: ['Content-Disposition: form-data; name="name"'], data: Buffer.from('ignored') },
      {
        headers: [
          'Content-Disposition: form-data; name="file"; filename="WR%201.xlsx"',
          'Content-Type: application/vnd.ms-excel',
        ],
        data: bytes,
      },
    ]);
    const parts = parseMultipart(body, 'xyz');
    const file = parts.find((part) => part.name === 'file');
    expect(file).toMatchObject({ filename: 'WR 1.xlsx', contentType: 'application/vnd.ms-excel' });
    expect(file?.data.equals(bytes)).toBe(true);
  });

  it('reads the boundary from the content type, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
  });

  it('rejects a body without a closing boundary', () => {
    expect(() =>
      parseMultipart(Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'), 'x'),
    ).toThrow();
  });
});
