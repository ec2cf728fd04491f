// Writing answers: JSON with Smartsheet's exact content type, and error bodies that always carry
// {errorCode, message, refId} (smartsheet-api.md §1.5).
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ApiError } from '../errors/api-error.js';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** A support reference like Smartsheet's (short, random, lowercase). */
export function newRefId(): string {
  return randomBytes(8).toString('base64url').toLowerCase().replace(/[-_]/g, 'x');
}

function canRespond(res: ServerResponse): boolean {
  return !res.headersSent && !res.destroyed && res.socket?.writable !== false;
}

export function sendBytes(
  res: ServerResponse,
  status: number,
  bytes: Buffer,
  headers: Record<string, string | number>,
): void {
  if (!canRespond(res)) return;
  res.writeHead(status, { ...headers, 'Content-Length': bytes.length });
  res.end(bytes);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendBytes(res, status, Buffer.from(JSON.stringify(body), 'utf8'), {
    'Content-Type': JSON_CONTENT_TYPE,
    ...headers,
  });
}

export function errorBody(error: ApiError): Record<string, unknown> {
  return {
    errorCode: error.errorCode,
    message: error.message,
    refId: newRefId(),
    ...(error.detail ? { detail: error.detail } : {}),
  };
}

export function sendApiError(
  res: ServerResponse,
  error: ApiError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, error.status, errorBody(error), headers);
}

/** What a front-end proxy sends when the service behind it is down: HTML, not JSON. */
export function sendHtml502(res: ServerResponse): void {
  const html =
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
  sendBytes(res, 502, Buffer.from(html), { 'Content-Type': 'text/html' });
}
