/**
 * Signs the audit chain's current head and stores the checkpoint (DESIGN.md invariant 4). Called at
 * the end of each audit run; the returned text line goes outside the database (audit sheet summary
 * row, alert e-mail) so a later rewrite of the database can be caught against that copy.
 */
import { AppError, ErrorCode } from '../domain/app-error.js';
import { checkpointId, checkpointMessage, formatCheckpointText } from '../domain/audit-checkpoint.js';
import type { AuditCheckpoint, AuditStore } from '../ports/audit-store.js';
import type { CheckpointSigner } from '../ports/checkpoint-signer.js';

export interface SignAuditCheckpointInput {
  /** The run the checkpoint closes; null for one made outside a run. */
  readonly runId: string | null;
  readonly now: Date;
}

export interface SignedAuditCheckpoint {
  readonly checkpoint: AuditCheckpoint;
  /** The one-line form for copies outside the database (see formatCheckpointText). */
  readonly text: string;
  /** False when this key had already signed this head (the chain has not moved since). */
  readonly created: boolean;
}

/**
 * Signs the chain head with `signer` and appends the checkpoint. Idempotent per (head seq, key):
 * when the chain has not moved since this key's last checkpoint, that checkpoint is returned.
 * Throws AppError CHECKS_FAILED, signing nothing, when the recorded head does not match the stored
 * event at its seq: a signature must never vouch for a head the events do not back.
 */
export async function signAuditCheckpoint(
  audit: AuditStore,
  signer: CheckpointSigner,
  input: SignAuditCheckpointInput,
): Promise<SignedAuditCheckpoint> {
  const head = await audit.chainHead();
  const seq = head.headSeq ?? 0;
  if (seq > 0) {
    const { events } = await audit.listEvents({ fromSeq: seq, toSeq: seq, limit: 1 });
    if (events[0]?.hash !== head.headHash) {
      throw new AppError(
        ErrorCode.CHECKS_FAILED,
        `The audit chain head (seq ${seq}) does not match the stored event at that seq; no checkpoint was signed.`,
        { hint: 'Run `ledgerline audit verify` to find where the audit log was changed.' },
      );
    }
  }

  const existing = await findCheckpoint(audit, seq, signer.keyId);
  if (existing) return { checkpoint: existing, text: formatCheckpointText(existing), created: false };

  const statement = {
    seq,
    eventCount: head.eventCount,
    headHash: head.headHash,
    runId: input.runId,
    createdAt: input.now.toISOString(),
  };
  const signature = Buffer.from(signer.sign(checkpointMessage(statement))).toString('base64');
  const checkpoint: AuditCheckpoint = { ...statement, keyId: signer.keyId, signature };
  try {
    await audit.appendCheckpoint(checkpoint);
  } catch (error) {
    // Another run signed the same head with the same key between our read and our insert.
    const raced = await findCheckpoint(audit, seq, signer.keyId);
    if (!raced) throw error;
    return { checkpoint: raced, text: formatCheckpointText(raced), created: false };
  }
  return { checkpoint, text: formatCheckpointText(checkpoint), created: true };
}

async function findCheckpoint(
  audit: AuditStore,
  seq: number,
  keyId: string,
): Promise<AuditCheckpoint | undefined> {
  const wanted = checkpointId({ seq, keyId });
  return (await audit.listCheckpoints()).find((checkpoint) => checkpointId(checkpoint) === wanted);
}
