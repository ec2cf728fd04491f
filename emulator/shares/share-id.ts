// Share ids are opaque strings in Smartsheet ("AQAISF82FOeE"). Deriving them from the object and the
// e-mail keeps them stable across reloads of the same seed.
import { createHash } from 'node:crypto';

export function shareIdFor(objectId: number, email: string): string {
  return createHash('sha1').update(`${objectId}:${email.toLowerCase()}`).digest('base64url').slice(0, 12);
}
