// Deterministic job ids: the same parts always name the same job, so a coordinator that is retried
// after a crash sends the jobs it already sent again and the queue drops them as duplicates.
import { createHash } from 'node:crypto';

/** A UUID (version 8, RFC 9562 "custom") derived from `parts`. */
export function deterministicJobId(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.map(String).join('\u001f')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
