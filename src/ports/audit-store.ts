import type { AuditEventRecord, AuditSeverity, ChainedAuditEvent } from '../domain/audit-chain.js';
import type { ViolationFilter, ViolationSort } from '../domain/dashboard/violation-query.js';
import type { ReviewKind } from '../domain/dashboard/violation-view.js';
import type { EditorEventTally } from '../domain/dashboard/activity-figures.js';

/** Filters over stored audit events; every given condition must hold. */
export interface AuditEventFilter {
  /** Inclusive seq range. */
  readonly fromSeq?: number;
  readonly toSeq?: number;
  readonly runId?: string;
  readonly sheetId?: number;
  readonly rowId?: number;
  readonly workRequest?: string;
  readonly severities?: readonly AuditSeverity[];
  readonly violationTypes?: readonly string[];
  /** Inclusive range over `changedAt` (ISO-8601 instants). */
  readonly changedFrom?: string;
  readonly changedTo?: string;
}

/** A page request: ascending seq by default; descending for "latest first" views. */
export interface AuditEventQuery extends AuditEventFilter {
  readonly limit: number;
  readonly order?: 'asc' | 'desc';
}

/**
 * A page of events. `nextSeq` is null on the last page; otherwise pass it as `fromSeq` (ascending)
 * or `toSeq` (descending) with the same filters to get the next page.
 */
export interface AuditEventPage {
  readonly events: ChainedAuditEvent[];
  readonly nextSeq: number | null;
}

/** The chain's head: what a verifier compares the walked chain against to detect truncation. */
export interface AuditChainHead {
  readonly eventCount: number;
  /** Seq of the last event; null while the log is empty. */
  readonly headSeq: number | null;
  readonly headHash: string;
}

/** A signed statement that the chain had this head at `seq` (signatures come with the audit issue). */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly eventCount: number;
  readonly headHash: string;
  readonly signature: string;
  readonly keyId: string;
  readonly runId: string | null;
  readonly createdAt: string;
}

/** A stored event with the status of its latest review (dashboard views). */
export interface ReviewedAuditEvent {
  readonly event: ChainedAuditEvent;
  /** The latest review's kind; undefined while nobody reviewed the event. */
  readonly latestReview: ReviewKind | undefined;
}

/** One page of a dashboard view and how many events the whole view holds. */
export interface AuditEventSearchPage {
  readonly items: ReviewedAuditEvent[];
  readonly total: number;
}

/** The append-only, hash-chained audit log (DESIGN.md invariants 3 and 4). */
export interface AuditStore {
  /**
   * Appends events to the chain in one transaction, serialised with every other appender. Events
   * whose natural key (sheet, row, column, revision) is already stored, or repeated in the batch,
   * are dropped, so re-processing never duplicates. Returns only the events actually appended,
   * in chain order, with their seq and hashes.
   */
  appendEvents(events: readonly AuditEventRecord[]): Promise<ChainedAuditEvent[]>;
  listEvents(query: AuditEventQuery): Promise<AuditEventPage>;
  countEvents(filter?: AuditEventFilter): Promise<number>;
  chainHead(): Promise<AuditChainHead>;
  /** Stores a checkpoint; one per (seq, key id). */
  appendCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Checkpoints in seq order. */
  listCheckpoints(): Promise<AuditCheckpoint[]>;
  /**
   * A dashboard view (issue #7): the events matching `filter` (review status included, from the
   * event_reviews table), ordered by `sort` with seq as the tie-break, `limit` of them from
   * `offset`, and the total the filter matches.
   */
  queryEvents(
    filter: ViolationFilter,
    sort: ViolationSort,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<AuditEventSearchPage>;
  /** One event by its id with its latest review; undefined when no event has that id. */
  getEvent(eventId: string): Promise<ReviewedAuditEvent | undefined>;
  /**
   * Events stored by runs (findings on sheet changes, not dashboard actions) whose changedAt falls
   * in the inclusive range, counted by severity — the Overview's violations (every severity present).
   */
  countRunEventsBySeverity(range: ChangedRange): Promise<Record<AuditSeverity, number>>;
  /**
   * The same events per editor (lower-cased changedBy; events without one left out) and severity,
   * with the latest changedAt — the Editors page's violations.
   */
  tallyRunEventsByEditor(range: ChangedRange): Promise<EditorEventTally[]>;
}

/** An inclusive range over changedAt (ISO-8601 instants). */
export interface ChangedRange {
  readonly changedFrom: string;
  readonly changedTo: string;
}
