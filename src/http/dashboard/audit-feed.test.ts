// The live feed over a real socket: events arrive in seq order, a reconnect with Last-Event-ID gets
// exactly the missing ones, and closing the server ends open feeds instead of hanging.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedEvent } from './api-contract.js';
import { buildAuditEvent } from '../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { as, startDashboardTestServer } from '../../../test/support/dashboard-test-server.js';

interface SseMessage {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: FeedEvent;
}

/**
 * An open feed over node:http (one connection of its own, no pooling, so nothing but the feed
 * holds the server open): collects messages and comments as they arrive.
 */
async function openFeed(baseUrl: string, headers: Record<string, string>, query = '') {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let buffer = '';
  let request: http.ClientRequest | undefined;
  let ended!: () => void;
  const reading = new Promise<void>((resolve) => (ended = resolve));
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(`${baseUrl}/api/feed${query}`, { headers, agent: false }, resolve);
    request.on('error', reject);
  });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else {
          const colon = line.indexOf(':');
          fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
      }
      if (fields.has('data'))
        messages.push({
          id: fields.get('id'),
          event: fields.get('event'),
          data: JSON.parse(fields.get('data')!),
        });
    }
  });
  response.on('close', ended);
  response.on('error', ended);
  const waitFor = async (predicate: () => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { response, messages, comments, waitFor, reading, close: () => request?.destroy() };
}

/** A plain request and its whole reply (for the refusals, which end at once). */
function getOnce(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`live audit feed on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    let server: FastifyInstance | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function listen() {
      ({ server } = await startDashboardTestServer(store(), {
        feed: { pollIntervalMs: 25, heartbeatMs: 100 },
      }));
      return server.listen({ host: '127.0.0.1', port: 0 });
    }

    it('sends new events in order, then exactly the missing ones after a reconnect', async () => {
      await store().audit.appendEvents([buildAuditEvent()]);
      const baseUrl = await listen();

      const first = await openFeed(baseUrl, as('viewer'));
      expect(first.response.statusCode).toBe(200);
      expect(first.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(first.response.headers['cache-control']).toBe('no-store');
      // Without a position the feed starts at the head: the event stored before is not replayed.
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      await first.waitFor(() => first.messages.length === 2, 'two events');
      expect(first.messages.map((m) => [m.id, m.event, m.data.seq])).toEqual([
        ['2', 'audit', 2],
        ['3', 'audit', 3],
      ]);
      expect(first.messages[0]?.data).toMatchObject({ reviewStatus: 'open', severity: 'MEDIUM' });
      first.close();
      await first.reading;

      // Stored while the browser was away.
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      const again = await openFeed(baseUrl, as('viewer', { 'last-event-id': '3' }));
      await again.waitFor(() => again.messages.length === 2, 'the missed events');
      await store().audit.appendEvents([buildAuditEvent()]);
      await again.waitFor(() => again.messages.length === 3, 'the next event');
      await again.waitFor(() => again.comments.includes('heartbeat'), 'a heartbeat');
      expect(again.messages.map((m) => m.data.seq)).toEqual([4, 5, 6]);
      again.close();
    });

    it('replays from ?after= and refuses a position that is not a seq', async () => {
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent(), buildAuditEvent()]);
      const baseUrl = await listen();

      const feed = await openFeed(baseUrl, as('viewer'), '?after=1');
      await feed.waitFor(() => feed.messages.length === 2, 'events after 1');
      expect(feed.messages.map((m) => m.data.seq)).toEqual([2, 3]);
      feed.close();

      const bad = await getOnce(`${baseUrl}/api/feed`, as('viewer', { 'last-event-id': 'abc' }));
      expect(bad.status).toBe(400);
      expect((JSON.parse(bad.body) as { message: string }).message).toContain('Invalid Last-Event-ID "abc"');
      const anonymous = await getOnce(`${baseUrl}/api/feed`, {});
      expect(anonymous.status).toBe(401);
    });

    it('ends open feeds when the server closes, so close() does not hang', async () => {
      const baseUrl = await listen();
      const feed = await openFeed(baseUrl, as('viewer'));
      expect(feed.response.statusCode).toBe(200);

      const closing = server!.close().then(() => 'closed');
      const outcome = await Promise.race([
        closing,
        new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000)),
      ]);
      server = undefined;

      expect(outcome).toBe('closed');
      await feed.reading;
    });
  });
}
