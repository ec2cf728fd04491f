// Reading request bodies with a size cap. A body that ends before its Content-Length (the client
// half-closed) rejects with BodyCutShort so upload handlers can answer 1075.
import type { IncomingMessage } from 'node:http';
import { apiErrors } from '../errors/api-error.js';

export class BodyCutShort extends Error {
  constructor(readonly received: number) {
    super('request body ended before its Content-Length');
  }
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining so the connection stays usable, but stop buffering.
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(apiErrors.unparsable(`the request body exceeds ${maxBytes} bytes.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', () => reject(new BodyCutShort(size)));
  });
}
