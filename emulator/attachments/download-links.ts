// Temporary download URLs for FILE attachments (smartsheet-api.md §5.5): an unguessable token that
// works without a bearer token until it expires, like Smartsheet's pre-signed URLs. Expiry follows
// the emulator clock, so a test can advance the clock past it.
import { randomBytes } from 'node:crypto';

interface Link {
  sheetId: number;
  attachmentId: number;
  expiresAt: number;
}

export type LinkLookup =
  { kind: 'ok'; sheetId: number; attachmentId: number } | { kind: 'expired' } | { kind: 'unknown' };

export class DownloadLinks {
  private readonly links = new Map<string, Link>();

  issue(sheetId: number, attachmentId: number, expiresAt: number, now: number): string {
    this.dropExpired(now);
    const token = randomBytes(24).toString('base64url');
    this.links.set(token, { sheetId, attachmentId, expiresAt });
    return token;
  }

  lookup(token: string, now: number): LinkLookup {
    const link = this.links.get(token);
    if (!link) return { kind: 'unknown' };
    if (now >= link.expiresAt) return { kind: 'expired' };
    return { kind: 'ok', sheetId: link.sheetId, attachmentId: link.attachmentId };
  }

  clear(): void {
    this.links.clear();
  }

  private dropExpired(now: number): void {
    // Expired links are kept for a while so a late fetch says "expired" rather than "unknown".
    for (const [token, link] of this.links) if (now - link.expiresAt > 3_600_000) this.links.delete(token);
  }
}
