// GET /api/feed (issue #7): the live feed of the Overview page as Server-Sent Events. Every audit
// event with a seq above the client's position is sent as `id: <seq>` / `event: audit` /
// `data: <ViolationItem JSON>`, in seq order, then the store is polled for new ones. A reconnecting
// EventSource sends `Last-Event-ID` by itself, so it resumes exactly after the last event it
// received — no gap, no duplicate (appends are serialised by the chain lock, so a seq is never
// committed after a higher one). The audit store is the source of truth: nothing is pushed from
// inside the audit, the feed reacts to what is stored (STYLE.md: side effects subscribe to events).
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { Logger } from '../../ports/logger.js';
import type { AuditStore, EventReviewStore, SheetStore } from '../../ports/store.js';
import { violationViewsOf } from '../../services/dashboard-violations.js';
import type { FeedEvent } from './api-contract.js';

export interface AuditFeedDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
  readonly logger: Logger;
  /** How often the store is asked for new events; default 500 ms. */
  readonly pollIntervalMs?: number;
  /** How often a comment line keeps proxies and the socket from timing out; default 15 s. */
  readonly heartbeatMs?: number;
}

const PAGE = 500;
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
    let pollTimer: NodeJS.Timeout | undefined;
    const heartbeat = setInterval(() => {
      if (!stopped && !stream.destroyed) stream.write(': heartbeat\n\n');
    }, heartbeatMs);
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(pollTimer);
      clearInterval(heartbeat);
      openStreams.delete(stop);
      stream.end();
    };
    openStreams.add(stop);
    // The response closes when the client goes away (or after stop() ended it).
    reply.raw.on('close', stop);
    stream.on('error', stop);

    const drained = () =>
      new Promise<void>((resolve) => {
        if (!stream.writableNeedDrain || stopped) return resolve();
        stream.once('drain', resolve);
        stream.once('close', resolve);
      });

    const poll = async () => {
      try {
        while (!stopped) {
          const page = await deps.audit.listEvents({ fromSeq: position + 1, limit: PAGE });
          if (page.events.length === 0) break;
          const latest = await deps.reviews.latestReviews(page.events.map((e) => e.eventId));
          const views = await violationViewsOf(
            deps.sheets,
            page.events.map((event) => ({ event, latestReview: latest.get(event.eventId) })),
          );
          for (const view of views) {
            if (stopped || stream.destroyed) return;
            stream.write(feedMessage(view));
            position = view.seq;
          }
          await drained();
          if (page.nextSeq === null) break;
        }
      } catch (error) {
        // A failed poll (database busy) is retried on the next tick; the position did not move.
        deps.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'audit feed poll failed',
        );
      }
      if (!stopped) pollTimer = setTimeout(() => void poll(), pollIntervalMs);
    };

    stream.write(`retry: ${RETRY_MS}\n\n`);
    void poll();
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(stream);
  });
}
