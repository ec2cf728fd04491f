import type { AuditEventRecord, AuditSeverity, ChainedAuditEvent } from '../domain/audit-chain.js';

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
}
