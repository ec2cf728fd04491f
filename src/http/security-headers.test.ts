import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, WEB_APP_CONTENT_SECURITY_POLICY, addSecurityHeaders } from './security-headers.js';

async function server(trustProxy: boolean) {
  const app = Fastify({ logger: false, trustProxy });
  addSecurityHeaders(app);
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html>'));
  app.get('/assets/app.js', async (_request, reply) =>
    reply.type('text/javascript').header('cache-control', 'public, max-age=31536000, immutable').send('1'),
  );
  app.get('/api/thing', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('security headers', () => {
  it("gives the web app a self-only CSP with no unsafe-inline and frame-ancestors 'none'", async () => {
    const app = await server(false);
    const page = await app.inject({ url: '/' });

    const csp = String(page.headers['content-security-policy']);
    expect(csp).toBe(WEB_APP_CONTENT_SECURITY_POLICY);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('leaves the caching of web assets to their route', async () => {
    const app = await server(false);
    const asset = await app.inject({ url: '/assets/app.js' });

    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBe(WEB_APP_CONTENT_SECURITY_POLICY);
  });

  it('keeps the locked-down headers on API answers and 404s', async () => {
    const app = await server(false);
    for (const url of ['/api/thing', '/nowhere']) {
      const response = await app.inject({ url });
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name]).toBe(value);
    }
  });

  it('sends HSTS on every response under TLS only', async () => {
    const app = await server(true);
    const tls = { 'x-forwarded-proto': 'https' };

    for (const url of ['/', '/api/thing', '/nowhere']) {
      expect((await app.inject({ url, headers: tls })).headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect((await app.inject({ url })).headers['strict-transport-security']).toBeUndefined();
    }
  });
});
