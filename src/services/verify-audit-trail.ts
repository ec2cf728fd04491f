/**
 * `audit verify` (DESIGN.md invariant 4): walks every stored audit event page by page through the
 * hash chain, holds it to every signed checkpoint (stored, and any copies kept outside the
 * database) and to the recorded chain head, and names the first place where the log was tampered
 * with. Memory stays bounded by one page whatever the log's size.
 */
import {
  AuditTrailWalk,
  type AuditTrailVerdict,
  type CheckpointToCheck,
} from '../domain/audit-trail-walk.js';
import { checkpointMessage } from '../domain/audit-checkpoint.js';
import type { AuditCheckpoint, AuditStore } from '../ports/audit-store.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';

export type { AuditTrailProblem, AuditTrailProblemKind } from '../domain/audit-trail-walk.js';

/** The outcome of verifying the audit trail. */
export type AuditTrailVerification = AuditTrailVerdict;

export interface VerifyAuditTrailOptions {
  /** Checkpoints kept outside the database (parsed from their text lines); checked like stored ones. */
  readonly externalCheckpoints?: readonly AuditCheckpoint[];
  /** Events read per query; the memory bound. */
  readonly pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 2_000;
/** Rounds of catching up with events appended while the walk ran, before judging the tail. */
const CATCH_UP_ROUNDS = 5;

/**
 * Verifies the whole audit trail. `verifiers` holds every public key whose checkpoints count (more
 * than one after a key rotation); a checkpoint by any other key fails as 'unknown-key'.
 */
export async function verifyAuditTrail(
  audit: AuditStore,
  verifiers: CheckpointVerifier | readonly CheckpointVerifier[],
  options: VerifyAuditTrailOptions = {},
): Promise<AuditTrailVerification> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const stored = await audit.listCheckpoints();
  const walk = new AuditTrailWalk(
    checkpointsToCheck(stored, options.externalCheckpoints ?? [], [verifiers].flat()),
  );

  let head = await walkFrom(audit, walk, 1, pageSize);
  // Appends that commit during the walk move the head past where the pages ended; follow them
  // rather than calling the log truncated.
  for (let round = 0; round < CATCH_UP_ROUNDS && walk.needsMoreEvents; round += 1) {
    const walkedTo = walk.lastPushedSeq;
    if ((head.headSeq ?? 0) <= walkedTo) break;
    head = await walkFrom(audit, walk, walkedTo + 1, pageSize);
    if (walk.lastPushedSeq === walkedTo) break;
  }
  return walk.finish(head);
}

/** Pushes events from `fromSeq` to the end (or until the walk stops), then reads the head. */
async function walkFrom(audit: AuditStore, walk: AuditTrailWalk, fromSeq: number, pageSize: number) {
  let cursor: number | null = fromSeq;
  while (cursor !== null && walk.needsMoreEvents) {
    const page = await audit.listEvents({ fromSeq: cursor, limit: pageSize });
    for (const event of page.events) if (!walk.push(event)) break;
    cursor = page.nextSeq;
  }
  // Read after the pages: every event walked was committed, and with it the head that covers it.
  return audit.chainHead();
}

/** Stored and external checkpoints, each once, with the outcome of its signature check. */
function checkpointsToCheck(
  stored: readonly AuditCheckpoint[],
  external: readonly AuditCheckpoint[],
  verifiers: readonly CheckpointVerifier[],
): CheckpointToCheck[] {
  const byKeyId = new Map(verifiers.map((verifier) => [verifier.keyId, verifier]));
  const storedCopies = new Set(stored.map(sameCheckpointKey));
  const all = [
    ...stored.map((checkpoint) => ({ checkpoint, source: 'stored' as const })),
    ...external
      // An external copy identical to a stored checkpoint proves nothing more; check it once.
      .filter((c) => !storedCopies.has(sameCheckpointKey(c)))
      .map((checkpoint) => ({ checkpoint, source: 'external' as const })),
  ];
  return all.map(({ checkpoint, source }): CheckpointToCheck => {
    const verifier = byKeyId.get(checkpoint.keyId);
    if (!verifier) {
      const known = [...byKeyId.keys()].join(', ') || 'none';
      return { checkpoint, source, signature: 'unknown-key', detail: `known keys: ${known}` };
    }
    let message: Uint8Array;
    try {
      message = checkpointMessage(checkpoint);
    } catch (error) {
      const detail = `its fields cannot have been signed: ${error instanceof Error ? error.message : String(error)}`;
      return { checkpoint, source, signature: 'bad-signature', detail };
    }
    const valid = verifier.verify(message, Buffer.from(checkpoint.signature, 'base64'));
    return { checkpoint, source, signature: valid ? 'valid' : 'bad-signature' };
  });
}

/** Equal for two copies of one checkpoint, whatever spelling of the instant each carries. */
function sameCheckpointKey(c: AuditCheckpoint): string {
  return JSON.stringify([
    c.seq,
    c.eventCount,
    c.headHash,
    c.runId,
    Date.parse(c.createdAt),
    c.keyId,
    c.signature,
  ]);
}
