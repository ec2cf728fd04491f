/**
 * The audit log's tamper evidence (DESIGN.md invariant 4, billing-domain.md §3.4): every stored
 * audit event carries the SHA-256 of its own canonical form chained to the previous event's hash,
 * so editing, deleting or reordering any stored event breaks the chain at that event.
 */
import { createHash } from 'node:crypto';

/** A JSON value as it is stored and hashed (no Dates, no undefined inside arrays, no functions). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
/** A JSON object; keys whose value is `undefined` are treated as absent, as JSON.stringify does. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

/** The previous hash of the first event in a chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Bumped if the canonical form ever changes, so old and new events stay verifiable side by side.
 * It is part of what is hashed.
 */
export const CANONICAL_AUDIT_EVENT_VERSION = 1;

/** Severity levels of a finding (billing-domain.md §3.3). */
export type AuditSeverity = 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/**
 * One audit event as it is stored: the 25 fields of billing-domain.md §3.4 plus what identifies
 * and links it. Instants are ISO-8601 strings; money is integer cents.
 */
export interface AuditEventRecord {
  /** Unique id of the event (a UUID chosen by the caller). */
  readonly eventId: string;
  /**
   * What distinguishes this change of the cell from every other change of it (the Smartsheet cell
   * revision or sheet version). With sheet, row and column it forms the natural key that makes
   * re-processing idempotent (DESIGN.md invariant 3).
   */
  readonly revision: string;
  /** The Ledgerline run that stored the event; null for actions outside a run. */
  readonly runId: string | null;
  readonly timestamp: string;
  readonly sheetId: number | null;
  readonly rowId: number | null;
  readonly workRequest: string | null;
  readonly columnName: string | null;
  readonly violationType: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  /** Financial impact in integer cents (billing-domain.md §3.2). */
  readonly deltaCents: number | null;
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  /** The week ending as `YYYY-MM-DD`. */
  readonly weekEnding: string | null;
  readonly isHistorical: boolean;
  readonly auditRunId: string | null;
  readonly severity: AuditSeverity;
  readonly issueDescription: string;
  readonly suggestedFix: string | null;
  /** Permalink to the row. */
  readonly sheetReference: string | null;
  readonly ipAddress: string | null;
  readonly deviceInfo: string | null;
  readonly sessionId: string | null;
  readonly userAgent: string | null;
  readonly riskScore: number | null;
  readonly anomalyScore: number | null;
  readonly predictedCategory: string | null;
  /** Explanations: top contributing features or rules, reasons for the category (§3.5). */
  readonly details: JsonObject;
}

/** A stored event: its position in the chain and the hashes that link it. */
export interface ChainedAuditEvent extends AuditEventRecord {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** Why verification stopped at an event. */
export type ChainBreak = 'out-of-order' | 'prev-hash-mismatch' | 'hash-mismatch' | 'unreadable';

/** The outcome of walking a chain: `firstBadSeq` is null when every event checked out. */
export interface ChainVerification {
  readonly firstBadSeq: number | null;
  readonly reason: ChainBreak | null;
  /** Events that verified before the walk ended or stopped. */
  readonly verifiedCount: number;
  /** Hash of the last verified event (the start hash when none verified). */
  readonly lastHash: string;
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The natural key of an event: one change of one cell (sheet, row, column, revision). Two events
 * with the same key are the same change seen twice, and the store keeps only the first.
 */
export function auditNaturalKey(
  event: Pick<AuditEventRecord, 'sheetId' | 'rowId' | 'columnName' | 'revision'>,
): string {
  // A JSON array keeps the parts unambiguous whatever characters a column name holds.
  return JSON.stringify([event.sheetId, event.rowId, event.columnName, event.revision]);
}

/**
 * Normalises an instant to `YYYY-MM-DDTHH:mm:ss.sssZ`, the form both store engines give back, so
 * an event hashes the same before it is stored and after it is read back.
 */
export function normalizeInstant(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO-8601 instant: ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code unit, keys holding
 * `undefined` omitted, no whitespace, strings escaped as JSON.stringify does, and numbers in
 * ECMAScript's shortest round-trip form (integers as plain digits). That number form is exactly
 * specified by the language, so one double always has one spelling. NaN and infinities are
 * rejected rather than silently turned into null.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`Cannot hash a non-finite number: ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot hash a value of type ${typeof value}`);
  }
  if (Array.isArray(value)) {
    const items = value as readonly (JsonValue | undefined)[];
    return `[${items.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const object = value as JsonObject;
  const members = Object.keys(object)
    .sort()
    .flatMap((key) => {
      const member = object[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
    });
  return `{${members.join(',')}}`;
}

function safeInteger(name: string, value: number | null): number | null {
  if (value !== null && !Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
  return value;
}

function finiteNumber(name: string, value: number | null): number | null {
  if (value !== null && !Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`);
  return value;
}

function calendarDate(name: string, value: string | null): string | null {
  if (value !== null && !DATE_PATTERN.test(value)) {
    throw new RangeError(`${name} must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The canonical serialisation of an event that its hash covers: every stored field under its
 * billing-domain.md §3.4 name, nulls written out, keys sorted, instants normalised, integers checked.
 * Throws RangeError when a field cannot be represented exactly (a fractional cent, a bad date).
 */
export function canonicalAuditEvent(event: AuditEventRecord): string {
  return canonicalJson({
    canonical_version: CANONICAL_AUDIT_EVENT_VERSION,
    event_id: event.eventId,
    revision: event.revision,
    run_id: event.runId,
    timestamp: normalizeInstant(event.timestamp),
    sheet_id: safeInteger('sheetId', event.sheetId),
    row_id: safeInteger('rowId', event.rowId),
    work_request: event.workRequest,
    column_name: event.columnName,
    violation_type: event.violationType,
    old_value: event.oldValue,
    new_value: event.newValue,
    delta: safeInteger('deltaCents', event.deltaCents),
    changed_by: event.changedBy,
    changed_at: event.changedAt === null ? null : normalizeInstant(event.changedAt),
    week_ending: calendarDate('weekEnding', event.weekEnding),
    is_historical: event.isHistorical,
    audit_run_id: event.auditRunId,
    severity: event.severity,
    issue_description: event.issueDescription,
    suggested_fix: event.suggestedFix,
    sheet_reference: event.sheetReference,
    ip_address: event.ipAddress,
    device_info: event.deviceInfo,
    session_id: event.sessionId,
    user_agent: event.userAgent,
    risk_score: finiteNumber('riskScore', event.riskScore),
    anomaly_score: finiteNumber('anomalyScore', event.anomalyScore),
    predicted_category: event.predictedCategory,
    details: event.details,
  });
}

/**
 * The hash of an event in the chain: SHA-256 (hex) over the previous event's hash, a newline and
 * the event's canonical form. The first event of a chain uses GENESIS_HASH as its previous hash.
 */
export function chainHash(prevHash: string, event: AuditEventRecord): string {
  if (!HASH_PATTERN.test(prevHash)) throw new RangeError('prevHash must be 64 lowercase hex digits');
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditEvent(event)}`, 'utf8')
    .digest('hex');
}

/**
 * Walks stored events in seq order from `startPrevHash` (GENESIS_HASH for the whole log, or a
 * checkpoint's head hash) and reports the first event whose order, link or hash is wrong.
 */
export function verifyChain(
  events: Iterable<ChainedAuditEvent>,
  startPrevHash: string = GENESIS_HASH,
): ChainVerification {
  let prevHash = startPrevHash;
  let prevSeq = Number.NEGATIVE_INFINITY;
  let verifiedCount = 0;
  const stop = (seq: number, reason: ChainBreak): ChainVerification => ({
    firstBadSeq: seq,
    reason,
    verifiedCount,
    lastHash: prevHash,
  });
  for (const event of events) {
    if (!(event.seq > prevSeq)) return stop(event.seq, 'out-of-order');
    if (event.prevHash !== prevHash) return stop(event.seq, 'prev-hash-mismatch');
    let expected: string;
    try {
      expected = chainHash(prevHash, event);
    } catch {
      // A stored value that cannot be canonicalised was written by something other than the store.
      return stop(event.seq, 'unreadable');
    }
    if (expected !== event.hash) return stop(event.seq, 'hash-mismatch');
    prevHash = event.hash;
    prevSeq = event.seq;
    verifiedCount += 1;
  }
  return { firstBadSeq: null, reason: null, verifiedCount, lastHash: prevHash };
}
