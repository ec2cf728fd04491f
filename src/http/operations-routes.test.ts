import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { startWebhookServer } from '../../test/http/webhook-server-harness.js';
import { SECURITY_HEADERS } from './security-headers.js';

const sqlite = backends[0]!;

describe('operations endpoints and shared behaviour', () => {
  const store = useTestStore(sqlite);
  const arrange = () => startWebhookServer(store(), { now: () => new Date('2026-09-16T15:00:00Z') });

  it('reports liveness, and readiness as 200 or 503 with the checks', async () => {
    const { server, setReadiness } = await arrange();
    expect((await server.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await server.inject({ method: 'GET', url: '/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { ok: true, checks: { database: 'ok' } }]);
    setReadiness({ ok: false, checks: { database: 'unreachable' } });
    const notReady = await server.inject({ method: 'GET', url: '/ready' });
    expect([notReady.statusCode, notReady.json()]).toEqual([
      503,
      { ok: false, checks: { database: 'unreachable' } },
    ]);
  });

  it('serves Prometheus text', async () => {
    const { server } = await arrange();
    const response = await server.inject({ method: 'GET', url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('# TYPE ledgerline_webhook_ack_seconds histogram');
    expect(response.body).toContain('ledgerline_webhook_inbox_depth{status="failed"} 0');
  });

  it('sets the security headers on successes, errors and unknown routes alike', async () => {
    const { server } = await arrange();
    for (const url of ['/health', '/nowhere']) {
      const response = await server.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name]).toBe(value);
    }
    const missing = await server.inject({ method: 'GET', url: '/nowhere' });
    expect([missing.statusCode, missing.json()]).toEqual([
      404,
      { error: 'NOT_FOUND', message: 'No route for GET /nowhere.' },
    ]);
  });

  it('refuses a body over the limit with a JSON error and no stack trace', async () => {
    const { server } = await arrange();
    const response = await server.inject({
      method: 'POST',
      url: '/webhooks/smartsheet',
      headers: { 'content-type': 'application/json' },
      payload: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(response.statusCode).toBe(413);
    expect(Object.keys(response.json()).sort()).toEqual(['error', 'message']);
    expect(response.body).not.toMatch(/at .*\.js:\d+/);
    expect(response.headers['x-frame-options']).toBe('DENY');
  });
});
