// GET /api/feed (issue #7): the live feed of the Overview page as Server-Sent Events. Every audit
// event with a seq above the client's position is sent as `id: <seq>` / `event: audit` /
// `data: <ViolationItem JSON>`, in seq order, then new ones as they are stored. A reconnecting
// EventSource sends `Last-Event-ID` by itself, so it resumes exactly after the last event it
// received — no gap, no duplicate (appends are serialised by the chain lock, so a seq is never
// committed after a higher one). The audit store is the source of truth: nothing is pushed from
// inside the audit, the feed reacts to what is stored (STYLE.md: side effects subscribe to events).
//
// New events come from one shared poller (audit-feed-hub.ts), not one query loop per connection.
// A connection reads the store itself only to catch up: from its position to the hub's head when
// it opens, and again after its client stopped reading for a while (full socket buffer).
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { Logger } from '../../ports/logger.js';
import type { AuditStore, EventReviewStore, SheetStore } from '../../ports/store.js';
import { AuditFeedHub, readFeedPage, type FeedSubscriber } from './audit-feed-hub.js';
import type { FeedEvent } from './api-contract.js';

export interface AuditFeedDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
  readonly logger: Logger;
  /** How often the store is asked for new events (once per process, not per feed); default 500 ms. */
  readonly pollIntervalMs?: number;
  /** How often a comment line keeps proxies and the socket from timing out; default 15 s. */
  readonly heartbeatMs?: number;
}

/** How long a browser waits before reconnecting after the stream ends. */
const RETRY_MS = 3_000;

/** The seq the client has already seen: `Last-Event-ID` (a reconnect) wins over `?after=`. */
function positionOf(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  const after = (request.query as Record<string, unknown>).after;
  const [name, raw] =
    header !== undefined ? ['Last-Event-ID', Array.isArray(header) ? header[0] : header] : ['after', after];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim()))
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Invalid ${name} ${JSON.stringify(String(raw))}: expected the seq of an audit event (a whole number).`,
    );
  return Number(raw.trim());
}

/** One SSE message of an event. */
export function feedMessage(event: FeedEvent): string {
  return `id: ${event.seq}\nevent: audit\ndata: ${JSON.stringify(event)}\n\n`;
}

export function auditFeedRoute(server: FastifyInstance, deps: AuditFeedDeps): void {
  const pollIntervalMs = deps.pollIntervalMs ?? 500;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const hub = new AuditFeedHub({ ...deps, pollIntervalMs });
  const openStreams = new Set<() => void>();
  // preClose runs before the HTTP server stops accepting and waits for connections: ending every
  // stream here is what lets `server.close()` finish instead of waiting on open feeds forever.
  server.addHook('preClose', (done) => {
    for (const stop of [...openStreams]) stop();
    done();
  });

  server.get('/api/feed', { config: { permission: 'dashboard.read' } }, async (request, reply) => {
    let position = positionOf(request) ?? (await deps.audit.chainHead()).headSeq ?? 0;
    const stream = new PassThrough();
    let stopped = false;
    // Live: events come from the hub. Otherwise the feed is catching up from the store and ignores
    // the hub; it turns live only once it has sent everything up to the hub's head.
    let live = false;
    let retryTimer: NodeJS.Timeout | undefined;
    const heartbeat = setInterval(() => {
      if (!stopped && !stream.destroyed) stream.write(': heartbeat\n\n');
    }, heartbeatMs);

    /** Writes the views the client has not had yet (the seq dedupes the catch-up/live boundary). */
    const send = (views: readonly FeedEvent[]) => {
      for (const view of views) {
        if (view.seq <= position) continue;
        stream.write(feedMessage(view));
        position = view.seq;
      }
    };
    const drained = () =>
      new Promise<void>((resolve) => {
        if (!stream.writableNeedDrain || stopped) return resolve();
        stream.once('drain', resolve);
        stream.once('close', resolve);
      });

    const catchUp = async (): Promise<void> => {
      try {
        for (;;) {
          // A client that does not read holds up only its own feed (as before the hub): nothing
          // more is read for it until its buffer drains, then it reads what it missed from the store.
          await drained();
          if (stopped || stream.destroyed) return;
          // No await between this check and going live: the hub hands this feed every event above
          // its head from here on, and everything up to the head has been sent.
          if (position >= hub.head) {
            live = true;
            return;
          }
          const page = await readFeedPage(deps, position + 1);
          if (stopped || stream.destroyed) return;
          send(page.views);
          // The hub only knows seqs it read from the same store, so an empty page here is a
          // transient read failure in disguise: try again on the next tick rather than spin.
          if (page.lastSeq === undefined) break;
        }
      } catch (error) {
        // A failed read (database busy) is retried on the next tick; the position did not move.
        deps.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'audit feed poll failed',
        );
      }
      if (!stopped) retryTimer = setTimeout(() => void catchUp(), pollIntervalMs);
    };

    const subscriber: FeedSubscriber = {
      deliver(views) {
        if (!live || stopped || stream.destroyed) return;
        send(views);
        if (stream.writableNeedDrain) {
          live = false;
          void catchUp();
        }
      },
    };

    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      hub.leave(subscriber);
      openStreams.delete(stop);
      if (!stream.destroyed) stream.end();
    };
    openStreams.add(stop);
    // The response closes when the client goes away (or after stop() ended it).
    reply.raw.on('close', stop);
    stream.on('error', stop);
    stream.on('close', stop);

    stream.write(`retry: ${RETRY_MS}\n\n`);
    // Joined before the catch-up starts, so once the catch-up has sent everything up to the hub's
    // head the hub already owes this feed every later event: whatever is stored during the catch-up
    // comes one way or the other, and the seq check in send() drops any that would come twice.
    void hub.join(subscriber).then(catchUp, (error: unknown) => {
      deps.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'audit feed join failed',
      );
      stop();
    });
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(stream);
  });
}
