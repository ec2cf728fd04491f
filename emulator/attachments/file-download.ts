// GET /files/{token}: the bytes behind a temporary attachment URL, served without a bearer token
// like a pre-signed storage URL. Expired or unknown links get the storage service's 403 XML.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { sendBytes } from '../http/send-response.js';

function accessDenied(res: ServerResponse, message: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`;
  sendBytes(res, 403, Buffer.from(xml), { 'Content-Type': 'application/xml' });
}

/** Serves one download; returns the HTTP status for the request log. */
export function serveDownload(
  rt: EmulatorRuntime,
  incoming: IncomingMessage,
  res: ServerResponse,
  token: string,
): number {
  if (incoming.method !== 'GET') {
    sendBytes(res, 405, Buffer.alloc(0), { Allow: 'GET' });
    return 405;
  }
  const link = rt.downloads.lookup(token, rt.clock.now());
  if (link.kind !== 'ok') {
    accessDenied(res, link.kind === 'expired' ? 'Request has expired' : 'Access Denied');
    return 403;
  }
  const attachment = rt.state.sheets.get(link.sheetId)?.attachments.find((a) => a.id === link.attachmentId);
  if (!attachment?.content) {
    accessDenied(res, 'Access Denied');
    return 403;
  }
  const encodedName = encodeURIComponent(attachment.name);
  sendBytes(res, 200, attachment.content, {
    'Content-Type': attachment.mimeType ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodedName}`,
  });
  return 200;
}
