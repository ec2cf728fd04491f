// A small multipart/form-data reader (RFC 7578) for attachment uploads: enough to find the `file`
// part with its file name, content type and exact bytes.
import { parseDisposition } from './content-disposition.js';

export interface MultipartPart {
  name?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits a multipart body into parts; throws on a body that does not follow the format. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) throw new Error('multipart body has no boundary');
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString('latin1') === '--') return parts;
    if (body.subarray(cursor, cursor + 2).toString('latin1') !== '\r\n')
      throw new Error('malformed multipart boundary line');
    cursor += 2;
    const headerEnd = body.indexOf('\r\n\r\n', cursor);
    if (headerEnd < 0) throw new Error('multipart part without headers end');
    // Header bytes are read as latin1 so raw UTF-8 file names survive for parseDisposition to repair.
    const headers = parseHeaders(body.subarray(cursor, headerEnd).toString('latin1'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next < 0) throw new Error('multipart part is not terminated');
    const disposition = parseDisposition(headers.get('content-disposition') ?? '');
    const name = disposition.parameters.get('name');
    const contentType = headers.get('content-type');
    parts.push({
      ...(name !== undefined ? { name } : {}),
      ...(disposition.filename !== undefined ? { filename: disposition.filename } : {}),
      ...(contentType !== undefined ? { contentType } : {}),
      data: body.subarray(dataStart, next),
    });
    cursor = next + 2;
  }
}
