// One store poller per process for the live audit feed: while at least one feed is connected, a
// single timer asks the store for the events after the highest seq the hub has seen and hands the
// same views to every connected feed. Before, every open connection polled on its own, so 200 open
// dashboards made 400 queries a second; now the store sees one query per interval (plus one paged
// read per page of new events) whatever the number of feeds.
//
// The ordering argument the feeds rely on: `head` only moves in the same synchronous step that
// delivers the events up to it, so a subscriber that is in the set when it reads `head` is
// guaranteed to be handed every event with a higher seq (appends are serialised by the chain lock,
// so a seq is never committed after a higher one).
import type { Logger } from '../../ports/logger.js';
import type { AuditStore, EventReviewStore, SheetStore } from '../../ports/store.js';
import { violationViewsOf } from '../../services/dashboard-violations.js';
import type { FeedEvent } from './api-contract.js';

export interface AuditFeedReadDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
}

export interface AuditFeedHubDeps extends AuditFeedReadDeps {
  readonly logger: Logger;
  /** How often the store is asked for new events. */
  readonly pollIntervalMs: number;
}

/** Events per store read, for the hub and for a feed's own catch-up alike. */
export const FEED_PAGE = 500;

/** One page of feed views from `fromSeq` on; `nextSeq` is null on the last page. */
export interface FeedPage {
  readonly views: FeedEvent[];
  /** Seq of the last event read; undefined when the page is empty. */
  readonly lastSeq: number | undefined;
  readonly nextSeq: number | null;
}

/** Reads one page of events and turns them into what the feed sends (latest review, sheet name). */
export async function readFeedPage(deps: AuditFeedReadDeps, fromSeq: number): Promise<FeedPage> {
  const page = await deps.audit.listEvents({ fromSeq, limit: FEED_PAGE });
  if (page.events.length === 0) return { views: [], lastSeq: undefined, nextSeq: null };
  const latest = await deps.reviews.latestReviews(page.events.map((e) => e.eventId));
  const views = await violationViewsOf(
    deps.sheets,
    page.events.map((event) => ({ event, latestReview: latest.get(event.eventId) })),
  );
  return { views, lastSeq: page.events.at(-1)?.seq, nextSeq: page.nextSeq };
}

/** A connected feed as the hub sees it. */
export interface FeedSubscriber {
  /**
   * New events in seq order. Called synchronously by the hub; a subscriber must not block (a slow
   * client copes on its own: see audit-feed.ts) and an error it throws is logged and contained.
   */
  deliver(views: readonly FeedEvent[]): void;
}

export class AuditFeedHub {
  private readonly subscribers = new Set<FeedSubscriber>();
  private headSeq = 0;
  /** Resolves once `headSeq` has been read from the store for the current run of the poller. */
  private ready: Promise<void> | undefined;
  /** Bumped at every stop, so a poll still in flight from an earlier run delivers nothing. */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: AuditFeedHubDeps) {}

  /** The highest seq handed to the subscribers (or the chain head when the poller started). */
  get head(): number {
    return this.headSeq;
  }

  /** How many feeds are connected. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Adds a feed and starts the poller if it is the first. Once this resolves, the subscriber will
   * be handed every event with a seq above `head` (read it after this resolves, without awaiting).
   */
  async join(subscriber: FeedSubscriber): Promise<void> {
    this.subscribers.add(subscriber);
    this.ready ??= this.start(this.generation);
    await this.ready;
  }

  /** Removes a feed; the last one out stops the timer. */
  leave(subscriber: FeedSubscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
    // The next first feed reads the chain head again instead of paging through everything that
    // was stored while nobody was watching.
    this.ready = undefined;
  }

  private async start(generation: number): Promise<void> {
    try {
      const head = (await this.deps.audit.chainHead()).headSeq ?? 0;
      if (generation === this.generation) this.headSeq = Math.max(this.headSeq, head);
    } catch (error) {
      // Start from what we knew; the first poll pages forward from there (nothing is skipped).
      this.warn(error, 'audit feed could not read the chain head');
    }
    this.schedule(generation);
  }

  private schedule(generation: number): void {
    if (generation !== this.generation) return;
    this.timer = setTimeout(() => void this.poll(generation), this.deps.pollIntervalMs);
  }

  private async poll(generation: number): Promise<void> {
    try {
      while (generation === this.generation) {
        const page = await readFeedPage(this.deps, this.headSeq + 1);
        if (generation !== this.generation || page.lastSeq === undefined) break;
        // Head and delivery move together, with no await in between (see the note at the top).
        this.headSeq = page.lastSeq;
        for (const subscriber of [...this.subscribers]) {
          try {
            subscriber.deliver(page.views);
          } catch (error) {
            this.warn(error, 'audit feed subscriber failed');
          }
        }
        if (page.nextSeq === null) break;
      }
    } catch (error) {
      // A failed poll (database busy) is retried on the next tick; the head did not move.
      this.warn(error, 'audit feed poll failed');
    }
    this.schedule(generation);
  }

  private warn(error: unknown, message: string): void {
    this.deps.logger.warn({ error: error instanceof Error ? error.message : String(error) }, message);
  }
}
