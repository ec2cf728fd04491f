// The session cookie `ll_session` (api-contract.ts): read from the Cookie header by hand (no cookie
// plugin) and written HttpOnly, SameSite=Strict, Path=/, and Secure when the request came over TLS
// (ASVS 5.0 V3.3). No Max-Age: the browser drops it when it closes; the server ends it anyway
// after the idle and absolute timeouts.

export const SESSION_COOKIE = 'll_session';

/** The first value of cookie `name` in a Cookie header; undefined when absent or empty. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

function attributes(secure: boolean): string {
  return `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that starts a session. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; ${attributes(secure)}`;
}

/** The Set-Cookie value that removes the session cookie (logout). */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0`;
}
