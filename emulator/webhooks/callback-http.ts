// Outbound POSTs to a subscriber (callbacks and verification challenges). One connection per
// request, closed afterwards, so test receivers can shut down promptly.
import http from 'node:http';
import https from 'node:https';

export interface CallbackResponse {
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Set when no HTTP answer came back (refused, reset, timed out, aborted). */
  failure?: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

export function postToSubscriber(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CallbackResponse> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ headers: {}, body: '', failure: 'invalid callback URL' });
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: false,
        signal,
        timeout: timeoutMs,
        headers: { ...headers, 'Content-Length': String(body.length), Connection: 'close' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) => resolve({ headers: {}, body: '', failure: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('callback timed out')));
    request.on('error', (error) => resolve({ headers: {}, body: '', failure: error.message }));
    request.end(body);
  });
}
