/**
 * Signed checkpoints of the audit chain (DESIGN.md invariant 4). A checkpoint states "the chain had
 * `eventCount` events ending in `headHash` at `seq`"; signed with a key the database never holds,
 * it lets a verifier catch a rewrite that recomputed every hash, which the chain alone cannot.
 * This file holds the exact bytes that are signed and the one-line text form that travels outside
 * the database (audit sheet summary row, alert e-mail) so an operator keeps an independent copy.
 */
import { AppError, ErrorCode } from './app-error.js';
import { normalizeInstant } from './audit-chain.js';

/** Bumped if the signed bytes ever change; it is part of them, so old signatures stay checkable. */
export const CHECKPOINT_FORMAT_VERSION = 1;

/** What a checkpoint asserts about the chain, and when and by which run it was made. */
export interface CheckpointStatement {
  /** Seq of the chain's last event; 0 for a checkpoint of the empty chain. */
  readonly seq: number;
  readonly eventCount: number;
  readonly headHash: string;
  readonly runId: string | null;
  /** ISO-8601 instant. */
  readonly createdAt: string;
}

/** A statement with its signature; the same shape as the store port's AuditCheckpoint. */
export interface SignedCheckpoint extends CheckpointStatement {
  /** First 16 hex digits of the SHA-256 of the signer's raw public key. */
  readonly keyId: string;
  /** Base64 of the raw signature over checkpointMessage. */
  readonly signature: string;
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;
const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;
// Strict standard base64 with padding: one spelling per signature, so copies compare equal.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TEXT_MARKER = 'ledgerline-checkpoint';
const TEXT_VERSION = `v${CHECKPOINT_FORMAT_VERSION}`;

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`checkpoint ${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/**
 * Checks a statement's fields and returns it with `createdAt` normalised. Throws RangeError naming
 * the field that cannot be signed: a negative or fractional seq or count, more events than seqs
 * (seqs start at 1 and never repeat), a head hash that is not 64 lowercase hex digits.
 */
export function validCheckpointStatement(statement: CheckpointStatement): CheckpointStatement {
  const seq = nonNegativeInteger('seq', statement.seq);
  const eventCount = nonNegativeInteger('eventCount', statement.eventCount);
  if (eventCount > seq) {
    throw new RangeError(`checkpoint eventCount ${eventCount} exceeds its seq ${seq}`);
  }
  if (!HASH_PATTERN.test(statement.headHash)) {
    throw new RangeError('checkpoint headHash must be 64 lowercase hex digits');
  }
  return { ...statement, createdAt: normalizeInstant(statement.createdAt) };
}

/**
 * The exact bytes a checkpoint's signature covers: a fixed label (so a checkpoint signature can
 * never be replayed as a signature over something else), the format version, then one field per
 * line. The run id is JSON-encoded so no run id can forge a line break; the instant is normalised
 * so the message survives a database round trip unchanged. Throws RangeError for invalid fields.
 */
export function checkpointMessage(statement: CheckpointStatement): Uint8Array {
  const valid = validCheckpointStatement(statement);
  const text = [
    'ledgerline-audit-checkpoint',
    `version=${CHECKPOINT_FORMAT_VERSION}`,
    `seq=${valid.seq}`,
    `count=${valid.eventCount}`,
    `head=${valid.headHash}`,
    `run=${JSON.stringify(valid.runId)}`,
    `created=${valid.createdAt}`,
  ].join('\n');
  return new TextEncoder().encode(text);
}

/** A checkpoint's identity, as the store keys it: one per (seq, key id). */
export function checkpointId(checkpoint: Pick<SignedCheckpoint, 'seq' | 'keyId'>): string {
  return `${checkpoint.seq}/${checkpoint.keyId}`;
}

/**
 * The one-line text form of a signed checkpoint, for copies kept outside the database:
 * `ledgerline-checkpoint v1 seq=… count=… head=… [run=…] at=… key=… sig=…`. The run id is
 * percent-encoded (and omitted when null) so the line splits on spaces unambiguously.
 */
export function formatCheckpointText(checkpoint: SignedCheckpoint): string {
  const valid = validCheckpointStatement(checkpoint);
  return [
    TEXT_MARKER,
    TEXT_VERSION,
    `seq=${valid.seq}`,
    `count=${valid.eventCount}`,
    `head=${valid.headHash}`,
    ...(valid.runId === null ? [] : [`run=${encodeURIComponent(valid.runId)}`]),
    `at=${valid.createdAt}`,
    `key=${checkpoint.keyId}`,
    `sig=${checkpoint.signature}`,
  ].join(' ');
}

function invalidText(problem: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, `Not a valid checkpoint line: ${problem}`, {
    hint: `Copy the whole line that starts with "${TEXT_MARKER} ${TEXT_VERSION}" from the audit sheet or alert e-mail.`,
  });
}

/**
 * Reads a line written by formatCheckpointText (text before the `ledgerline-checkpoint` marker is
 * ignored, so a line pasted from an e-mail works). Throws AppError INPUT_INVALID naming the field
 * that is missing, repeated, unknown or malformed. The signature is not checked here.
 */
export function parseCheckpointText(text: string): SignedCheckpoint {
  const start = text.indexOf(TEXT_MARKER);
  if (start < 0) throw invalidText(`"${TEXT_MARKER}" not found`);
  const [marker, version, ...pairs] = text.slice(start).trim().split(/\s+/);
  if (marker !== TEXT_MARKER) throw invalidText(`"${TEXT_MARKER}" must be followed by a space`);
  if (version !== TEXT_VERSION) {
    throw invalidText(`unsupported version ${JSON.stringify(version ?? '')}, expected ${TEXT_VERSION}`);
  }
  const fields = new Map<string, string>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    if (equals < 0) throw invalidText(`"${name}" has no value`);
    if (!['seq', 'count', 'head', 'run', 'at', 'key', 'sig'].includes(name)) {
      throw invalidText(`unknown field "${name}"`);
    }
    if (fields.has(name)) throw invalidText(`"${name}" appears twice`);
    fields.set(name, pair.slice(equals + 1));
  }
  const field = (name: string): string => {
    const value = fields.get(name);
    if (value === undefined || value === '') throw invalidText(`"${name}=" is missing`);
    return value;
  };
  const integer = (name: string): number => {
    const value = field(name);
    if (!/^\d{1,15}$/.test(value)) throw invalidText(`${name}=${value} is not a whole number`);
    return Number(value);
  };
  const keyId = field('key');
  if (!KEY_ID_PATTERN.test(keyId)) throw invalidText('key= must be 16 lowercase hex digits');
  const signature = field('sig');
  if (!BASE64_PATTERN.test(signature)) throw invalidText('sig= is not base64');
  // Present but empty is the (odd but valid) empty run id; absent is null.
  const encodedRunId = fields.get('run');
  let runId: string | null = null;
  if (encodedRunId !== undefined) {
    try {
      runId = decodeURIComponent(encodedRunId);
    } catch {
      throw invalidText('run= is not percent-encoded');
    }
  }
  try {
    const statement = validCheckpointStatement({
      seq: integer('seq'),
      eventCount: integer('count'),
      headHash: field('head'),
      runId,
      createdAt: field('at'),
    });
    return { ...statement, keyId, signature };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidText(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads every checkpoint line in a text (a file of kept lines, a pasted e-mail); lines without the
 * marker are skipped. A marked line that does not parse throws, naming its 1-based line number.
 */
export function parseCheckpointLines(text: string): SignedCheckpoint[] {
  const checkpoints: SignedCheckpoint[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.includes(TEXT_MARKER)) return;
    try {
      checkpoints.push(parseCheckpointText(line));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(error.code, `Line ${index + 1}: ${error.message}`, {
        ...(error.hint === undefined ? {} : { hint: error.hint }),
      });
    }
  });
  return checkpoints;
}
