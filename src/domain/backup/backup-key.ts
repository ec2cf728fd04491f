// The key that encrypts backups at rest (AES-256-GCM): 32 bytes, written as 64 hex digits or as
// base64. Its id — a fingerprint, never the key — goes into each manifest so a restore with another
// key can say so plainly instead of failing on the first file.
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../result.js';

export const BACKUP_KEY_BYTES = 32;

/** Parses a 32-byte key from 64 hex digits or base64 (standard or URL-safe, padding optional). */
export function parseBackupKey(text: string): Result<Uint8Array> {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return ok(Uint8Array.from(Buffer.from(trimmed, 'hex')));
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === BACKUP_KEY_BYTES) return ok(Uint8Array.from(bytes));
  }
  return fail(
    `must be ${BACKUP_KEY_BYTES} bytes written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`,
  );
}

/** A short public fingerprint of a key: the same key always gives the same id. */
export function backupKeyId(key: Uint8Array): string {
  return createHash('sha256').update('ledgerline.backup-key.v1\n').update(key).digest('hex').slice(0, 16);
}
