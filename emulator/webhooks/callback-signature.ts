// Smartsheet-Hmac-SHA256 (smartsheet-api.md §6.6): HMAC-SHA256 keyed with the sharedSecret's UTF-8
// bytes over the exact body bytes, as lowercase hex. The optional leading-zero stripping reproduces
// the big-integer rendering of the docs' Java sample, so clients can prove they tolerate it.
import { createHmac } from 'node:crypto';

export function signCallback(sharedSecret: string, body: Buffer, stripLeadingZeros: boolean): string {
  const hex = createHmac('sha256', Buffer.from(sharedSecret, 'utf8')).update(body).digest('hex');
  return stripLeadingZeros ? hex.replace(/^0+/, '') : hex;
}
