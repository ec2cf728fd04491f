/**
 * Security headers on every response, set by hand because the server carries no helmet plugin.
 * These routes serve JSON and metrics text only, so nothing may be framed, sniffed or loaded.
 */
import type { FastifyInstance } from 'fastify';

/** The headers and values added to every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  // Webhook answers and readiness are per request; no proxy should replay them.
  'cache-control': 'no-store',
};

/** Adds SECURITY_HEADERS to every response of `server`, errors and 404s included. */
export function addSecurityHeaders(server: FastifyInstance): void {
  // onSend runs for every reply, including those of the error and not-found handlers.
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
}
