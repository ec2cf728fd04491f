/**
 * Security headers on every response, set by hand because the server carries no helmet plugin.
 * API, webhook and metrics answers (JSON, text) get a policy under which nothing may be loaded,
 * framed or cached. The web app's pages and assets get a CSP that lets the page load its own
 * scripts, styles, images and API — nothing inline, nothing from elsewhere (ASVS 5.0 V3.4).
 * Under TLS every response also carries HSTS.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The headers and values added to every API, webhook and operations response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  // Webhook answers and readiness are per request; no proxy should replay them.
  'cache-control': 'no-store',
};

/** The web app's CSP: its own origin only, no inline script or style, no framing. */
export const WEB_APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // data: for the MFA QR code, which the page shows as an SVG data URI.
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of the web app's HTML and assets; caching is left to the route that serves them. */
export const WEB_APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': WEB_APP_CONTENT_SECURITY_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** One year, subdomains included; sent only on responses that came over TLS (RFC 6797 §7.2). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Content types the web app serves (pages, scripts, styles, images, fonts). */
const WEB_APP_TYPES = /^(text\/html|text\/css|text\/javascript|application\/javascript|image\/|font\/)/i;

/** True when a response of this content type is part of the web app rather than the API. */
export function isWebAppContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && WEB_APP_TYPES.test(contentType);
}

/**
 * The security headers of one response: by its content type, plus HSTS when the request came over
 * TLS (`request.protocol`, which honours Fastify's `trustProxy` for X-Forwarded-Proto).
 */
export function securityHeadersFor(
  request: Pick<FastifyRequest, 'protocol'>,
  contentType: string | undefined,
): Record<string, string> {
  const base = isWebAppContentType(contentType) ? WEB_APP_SECURITY_HEADERS : SECURITY_HEADERS;
  return request.protocol === 'https'
    ? { ...base, 'strict-transport-security': STRICT_TRANSPORT_SECURITY }
    : { ...base };
}

/** Adds the security headers to every response of `server`, errors and 404s included. */
export function addSecurityHeaders(server: FastifyInstance): void {
  // onSend runs for every reply, including those of the error and not-found handlers.
  server.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type');
    reply.headers(securityHeadersFor(request, typeof type === 'string' ? type : undefined));
    return payload;
  });
}
