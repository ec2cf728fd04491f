// One store poller per process behind the live feed, proved over real sockets against a real store:
// the store's audit repository is wrapped (not mocked) to count and, where a test needs it, hold
// or interleave the reads the feeds cause.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventPage, AuditEventQuery, AuditStore } from '../../ports/audit-store.js';
import type { Store } from '../../ports/store.js';
import { buildAuditEvent } from '../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { as, startDashboardTestServer } from '../../../test/support/dashboard-test-server.js';

const POLL_MS = 20;

/** Waits until `predicate` holds (the tests assert on what arrived, never on how long it took). */
async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** An open feed over its own connection: the seqs of the events and the heartbeats received. */
async function openFeed(baseUrl: string, headers: Record<string, string>) {
  const seqs: number[] = [];
  let heartbeats = 0;
  let buffer = '';
  let request!: http.ClientRequest;
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(`${baseUrl}/api/feed`, { headers, agent: false }, resolve);
    request.on('error', reject);
  });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      if (block === ': heartbeat') heartbeats += 1;
      const id = /^id: (\d+)$/m.exec(block)?.[1];
      if (id !== undefined) seqs.push(Number(id));
    }
  });
  return {
    response,
    seqs,
    heartbeats: () => heartbeats,
    has: (seq: number) => seqs.includes(seq),
    close: () => request.destroy(),
  };
}

/** One listEvents call: what was asked and which seqs the store answered. */
interface Read {
  readonly query: AuditEventQuery;
  seqs: number[];
}

/**
 * The real audit repository with listEvents recorded; `around` may act before the real read
 * returns (hold it, or append events in the middle of a feed's catch-up).
 */
function recordReads(audit: AuditStore) {
  const reads: Read[] = [];
  const hooks = { around: async (_read: Read, _page: AuditEventPage): Promise<void> => {} };
  const wrapped: AuditStore = Object.assign(Object.create(audit) as AuditStore, {
    listEvents: async (query: AuditEventQuery) => {
      const read: Read = { query, seqs: [] };
      reads.push(read);
      const page = await audit.listEvents(query);
      read.seqs = page.events.map((event) => event.seq);
      await hooks.around(read, page);
      return page;
    },
  });
  return { wrapped, reads, hooks };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`shared feed poller on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    let server: FastifyInstance | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function listen(heartbeatMs = 60_000) {
      const recorded = recordReads(store().audit);
      const wrappedStore: Store = { ...store(), audit: recorded.wrapped };
      ({ server } = await startDashboardTestServer(wrappedStore, {
        feed: { pollIntervalMs: POLL_MS, heartbeatMs },
      }));
      const baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
      return { baseUrl, ...recorded };
    }
    /** Waits until the server holds `count` connections (a closed feed has been noticed). */
    async function untilConnections(count: number) {
      const open = () =>
        new Promise<number>((resolve, reject) =>
          server!.server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
        );
      while ((await open()) !== count) await new Promise((resolve) => setTimeout(resolve, 5));
      // The response's close handler (which leaves the hub) runs in the same turn as the socket's.
      await new Promise((resolve) => setImmediate(resolve));
    }

    it('makes one store poll per interval however many feeds are open', async () => {
      // Heartbeats as often as polls: they show intervals passing without a clock in the assertion.
      const { baseUrl, reads, hooks } = await listen(POLL_MS);
      const feeds = await Promise.all(range(1, 5).map(() => openFeed(baseUrl, as('viewer'))));
      await until(() => reads.length > 0, 'a first poll');

      // Hold the next read: one poller has exactly one read in flight and starts no other, where a
      // poller per feed would have issued five reads by the time five intervals have passed.
      const released: Array<() => void> = [];
      hooks.around = () => new Promise<void>((resolve) => released.push(resolve));
      await until(() => released.length === 1, 'the held poll');
      const readsWhileHeld = reads.length;
      const beats = feeds.map((feed) => feed.heartbeats());
      await until(() => feeds.every((feed, i) => feed.heartbeats() >= beats[i]! + 5), 'five intervals');
      expect(released).toHaveLength(1);
      expect(reads).toHaveLength(readsWhileHeld);

      // Each new event is read from the store once and reaches every feed.
      hooks.around = async () => {};
      released[0]!();
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      await until(() => feeds.every((feed) => feed.has(2)), 'both events on every feed');
      for (const feed of feeds) expect(feed.seqs).toEqual([1, 2]);
      expect(reads.filter((read) => read.seqs.includes(1))).toHaveLength(1);
      expect(reads.filter((read) => read.seqs.includes(2))).toHaveLength(1);
      for (const feed of feeds) feed.close();
    });

    it('resumes from Last-Event-ID exactly once in order while events are stored during the catch-up', async () => {
      await store().audit.appendEvents(range(1, 520).map(() => buildAuditEvent()));
      const { baseUrl, hooks } = await listen();
      const live = await openFeed(baseUrl, as('viewer'));
      expect(live.response.statusCode).toBe(200);

      // The resuming feed reads 11..510 (a full page), then 511..; the hub polls from 521 on.
      // Events are stored and fanned out by the hub while each of those two reads is under way —
      // the second one being the feed's last catch-up read before it would have gone live.
      const appendedDuring = new Set<number>();
      hooks.around = async (read) => {
        const from = read.query.fromSeq;
        if ((from !== 11 && from !== 511) || appendedDuring.has(from)) return;
        appendedDuring.add(from);
        const stored = await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
        const last = stored.at(-1)!.seq;
        await until(() => live.has(last), `the hub to deliver ${last}`);
      };
      const resumed = await openFeed(baseUrl, as('viewer', { 'last-event-id': '10' }));
      await until(() => resumed.has(524), 'the catch-up and the events stored during it');
      expect(appendedDuring).toEqual(new Set([11, 511]));

      await store().audit.appendEvents([buildAuditEvent()]);
      await until(() => resumed.has(525) && live.has(525), 'the next live event');
      expect(resumed.seqs).toEqual(range(11, 525));
      expect(live.seqs).toEqual(range(521, 525));
      live.close();
      resumed.close();
    });

    it('stops polling when the last feed closes, and starts again with the next feed', async () => {
      const { baseUrl, reads } = await listen();
      const feeds = [await openFeed(baseUrl, as('viewer')), await openFeed(baseUrl, as('auditor'))];
      await until(() => reads.length >= 3, 'a few polls');

      for (const feed of feeds) feed.close();
      await untilConnections(0);
      const readsAtClose = reads.length;
      // Ten intervals with no feed open: a live timer would have polled ten more times.
      await new Promise((resolve) => setTimeout(resolve, 10 * POLL_MS));
      expect(reads).toHaveLength(readsAtClose);

      const next = await openFeed(baseUrl, as('viewer'));
      await store().audit.appendEvents([buildAuditEvent()]);
      await until(() => next.has(1), 'the event on a new feed');
      expect(reads.length).toBeGreaterThan(readsAtClose);
      next.close();
    });

    it('lets a client that stops reading catch up from the store without holding up the others', async () => {
      const { baseUrl, reads } = await listen();
      const slow = await openFeed(baseUrl, as('viewer'));
      const fast = await openFeed(baseUrl, as('viewer'));
      slow.response.pause();
      // About 8 MB of events, more than the loopback socket buffers hold, stored in twelve batches
      // so the hub fans out several times while the slow client's buffer is full.
      const bulky = () => buildAuditEvent({ issueDescription: 'x'.repeat(64 * 1024) });
      for (const batch of range(1, 12)) {
        await store().audit.appendEvents(range(1, 10).map(bulky));
        await until(() => fast.has(batch * 10), `batch ${batch} on the reading feed`);
      }
      // The reading feed got everything while the other one read nothing.
      expect(fast.seqs).toEqual(range(1, 120));
      expect(slow.seqs).toEqual([]);

      slow.response.resume();
      await until(() => slow.has(120), 'the slow feed to catch up');
      expect(slow.seqs).toEqual(range(1, 120));
      // What the slow feed skipped while its buffer was full, it read from the store itself.
      expect(reads.some((read) => read.seqs.includes(120) && read.query.fromSeq! <= 110)).toBe(true);
      slow.close();
      fast.close();
    });

    it('keeps the other feeds going when one of them closes', async () => {
      const { baseUrl, reads } = await listen();
      const [first, leaving, last] = await Promise.all(
        range(1, 3).map(() => openFeed(baseUrl, as('viewer'))),
      );
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      await until(() => [first, leaving, last].every((feed) => feed!.has(2)), 'the first two events');

      leaving!.close();
      await untilConnections(2);
      await store().audit.appendEvents([buildAuditEvent()]);
      await store().audit.appendEvents([buildAuditEvent()]);
      await until(() => first!.has(4) && last!.has(4), 'the events after one feed left');
      expect(first!.seqs).toEqual([1, 2, 3, 4]);
      expect(last!.seqs).toEqual([1, 2, 3, 4]);
      expect(leaving!.seqs).toEqual([1, 2]);
      for (const seq of [1, 2, 3, 4]) expect(reads.filter((read) => read.seqs.includes(seq))).toHaveLength(1);
      first!.close();
      last!.close();
    });
  });
}
