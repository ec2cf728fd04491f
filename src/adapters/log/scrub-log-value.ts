// Removes secrets and personal data from anything about to be logged (DESIGN.md §5.7). Three nets:
// keys that name a secret, values that look like credentials or e-mail addresses, and the exact
// secret values the process was configured with (so a token pasted into any message is caught).

const SECRET_KEY =
  /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|session[-_]?id|totp|recovery|signature|hmac|private[-_]?key/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@/\s]+@/gi;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

export class LogScrubber {
  private readonly secrets: string[];

  /** @param knownSecrets exact values (tokens, passwords) to blank wherever they appear. */
  constructor(knownSecrets: readonly (string | undefined)[] = []) {
    // Longest first so a secret containing another is replaced whole; very short values would
    // blank ordinary words, so they are left to the key and pattern nets.
    this.secrets = [...new Set(knownSecrets.filter((s): s is string => !!s && s.length >= 6))].sort(
      (a, b) => b.length - a.length,
    );
  }

  scrubString(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out
      .replace(BEARER, `$1 ${REDACTED}`)
      .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
      .replace(EMAIL, '[email]');
  }

  scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return this.scrubString(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return '[too deep]';
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value instanceof Error) {
      const error: Record<string, unknown> = {
        type: value.name,
        message: this.scrubString(value.message),
        stack: value.stack ? this.scrubString(value.stack) : undefined,
      };
      const code = (value as { code?: unknown }).code;
      if (code !== undefined) error.code = this.scrub(code, depth + 1, seen);
      if (value.cause !== undefined) error.cause = this.scrub(value.cause, depth + 1, seen);
      return error;
    }
    if (Array.isArray(value)) return value.map((item) => this.scrub(item, depth + 1, seen));
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        SECRET_KEY.test(key) && item !== undefined && item !== null
          ? REDACTED
          : this.scrub(item, depth + 1, seen);
    }
    return out;
  }
}
