/**
 * Verifying the whole audit trail (DESIGN.md invariant 4): a walk over every stored event in seq
 * order that recomputes each hash, follows each prev-hash link and holds the chain to every signed
 * checkpoint, then compares its end with the recorded chain head. Events are pushed one at a time
 * so the caller can page through any number of them in bounded memory.
 *
 * A break in the chain is named by audit-chain-break.ts. A gap in seq alone is not tampering:
 * Postgres identity values are consumed by rolled-back appends, so a gap counts only when the hash
 * link across it is broken too (a relinked deletion is the signed checkpoints' job).
 */
import { GENESIS_HASH, type ChainedAuditEvent } from './audit-chain.js';
import {
  ChainBreakDiagnosis,
  hashesCorrectly,
  type ChainBreakFinding,
  type ChainLink,
} from './audit-chain-break.js';
import type { SignedCheckpoint } from './audit-checkpoint.js';

/** What kind of tampering a failed verification points to. */
export type AuditTrailProblemKind =
  | 'edited'
  | 'inserted'
  | 'deleted'
  | 'reordered'
  | 'truncated'
  | 'recomputed'
  | 'bad-signature'
  | 'unknown-key';

/** The first problem found, with a message that names the place. */
export interface AuditTrailProblem {
  readonly kind: AuditTrailProblemKind;
  /** The seq the problem was found at (for a checkpoint problem, the checkpoint's seq). */
  readonly seq?: number;
  readonly message: string;
}

/** Outcome of checking a checkpoint's signature, done by the caller that holds the keys. */
export type CheckpointSignatureStatus = 'valid' | 'bad-signature' | 'unknown-key';

/** A checkpoint to hold the chain to. */
export interface CheckpointToCheck {
  readonly checkpoint: SignedCheckpoint;
  readonly signature: CheckpointSignatureStatus;
  /** Why the signature did not check out, quoted in the message. */
  readonly detail?: string;
  /** Stored in the database, or supplied from a copy kept outside it. */
  readonly source: 'stored' | 'external';
}

/** The recorded chain head (the store's AuditChainHead). */
export interface RecordedChainHead {
  readonly eventCount: number;
  readonly headSeq: number | null;
  readonly headHash: string;
}

/** The result of a walk. */
export interface AuditTrailVerdict {
  readonly ok: boolean;
  /** Events verified (on failure: those verified before the problem). */
  readonly eventCount: number;
  /** Checkpoints whose signature verified and whose head the chain matched. */
  readonly checkpointsChecked: number;
  /**
   * The earliest seq from which the log cannot be trusted; null when it verified, or when only a
   * checkpoint's signature failed (the events themselves checked out up to there).
   */
  readonly firstBadSeq: number | null;
  readonly problem: AuditTrailProblem | null;
  /** Seq of the last checkpoint the chain matched; null when none did. */
  readonly signedThroughSeq: number | null;
  /** Verified events after that checkpoint: protected by the chain and head only, not a signature. */
  readonly eventsAfterLastCheckpoint: number;
  /** Seq gaps crossed with an intact hash link (identity values consumed by rolled-back appends). */
  readonly seqGaps: number;
}

interface Found {
  readonly problem: AuditTrailProblem;
  readonly firstBadSeq: number | null;
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

function describeCheckpoint({ checkpoint, source }: CheckpointToCheck): string {
  const where = source === 'external' ? ', external copy' : '';
  return `the checkpoint at seq ${checkpoint.seq} (key ${checkpoint.keyId}, signed ${checkpoint.createdAt}${where})`;
}

/** The walk: push events in seq order, then finish with the recorded chain head. */
export class AuditTrailWalk {
  readonly #checkpoints: readonly CheckpointToCheck[];
  #nextCheckpoint = 0;
  #last: ChainLink = { seq: 0, hash: GENESIS_HASH };
  #beforeLast: ChainLink | null = null;
  #count = 0;
  #gaps = 0;
  /** The last checkpoint the chain matched: where the signed part of the log ends. */
  #anchor: { seq: number; count: number; matched: boolean } = { seq: 0, count: 0, matched: false };
  #checked = 0;
  #lastPushed = 0;
  #found: Found | null = null;
  #diagnosis: ChainBreakDiagnosis | null = null;

  constructor(checkpoints: readonly CheckpointToCheck[]) {
    // Stored before external at one seq, so a forged stored row is reported as what it is.
    this.#checkpoints = [...checkpoints].sort(
      (a, b) =>
        a.checkpoint.seq - b.checkpoint.seq ||
        Number(a.source === 'external') - Number(b.source === 'external'),
    );
    // A checkpoint of the empty chain holds at the genesis position.
    this.#checkCheckpointsThrough(0, true);
  }

  /** Seq of the last event pushed (0 before any): paging resumes after it. */
  get lastPushedSeq(): number {
    return this.#lastPushed;
  }

  /** False once a problem is found: no further events can change the verdict. */
  get needsMoreEvents(): boolean {
    return this.#found === null;
  }

  /** Feeds the next event in ascending seq order. Returns false once no more events are needed. */
  push(event: ChainedAuditEvent): boolean {
    if (this.#found) return false;
    this.#lastPushed = Math.max(this.#lastPushed, event.seq);
    if (this.#diagnosis) {
      this.#conclude(this.#diagnosis.next(event));
      return this.#found === null;
    }
    const last = this.#last;
    const linkIntact = event.seq > last.seq && event.prevHash === last.hash;
    // Checkpoints between the last event and this one signed an event that is no longer there.
    if (linkIntact && !this.#checkCheckpointsThrough(event.seq - 1, false)) return false;
    if (linkIntact && hashesCorrectly(event)) {
      if (event.seq > last.seq + 1) this.#gaps += 1;
      this.#beforeLast = last;
      this.#last = { seq: event.seq, hash: event.hash };
      this.#count += 1;
      return this.#checkCheckpointsThrough(event.seq, true);
    }
    this.#diagnosis = new ChainBreakDiagnosis(event, last, this.#beforeLast);
    this.#conclude(this.#diagnosis.start());
    return this.#found === null;
  }

  /** Ends the walk: settles a pending diagnosis, then checks unreached checkpoints and the head. */
  finish(head: RecordedChainHead): AuditTrailVerdict {
    if (this.#diagnosis) this.#conclude(this.#diagnosis.end());
    if (!this.#found) this.#checkTail();
    if (!this.#found) this.#checkHead(head);
    const found = this.#found as Found | null;
    return {
      ok: found === null,
      eventCount: this.#count,
      checkpointsChecked: this.#checked,
      firstBadSeq: found?.firstBadSeq ?? null,
      problem: found?.problem ?? null,
      signedThroughSeq: this.#anchor.matched ? this.#anchor.seq : null,
      eventsAfterLastCheckpoint: this.#count - this.#anchor.count,
      seqGaps: this.#gaps,
    };
  }

  #fail(kind: AuditTrailProblemKind, seq: number, message: string, firstBadSeq: number | null = seq): void {
    this.#found = { problem: { kind, seq, message }, firstBadSeq };
    this.#diagnosis = null;
  }

  /**
   * Checks every not yet checked checkpoint with seq ≤ `seq`. `present` says whether the walk has
   * an event at exactly that seq (false: the walk is about to jump over it). Returns false on a
   * problem.
   */
  #checkCheckpointsThrough(seq: number, present: boolean): boolean {
    for (;;) {
      const next = this.#checkpoints[this.#nextCheckpoint];
      if (!next || next.checkpoint.seq > seq) return true;
      this.#nextCheckpoint += 1;
      if (!this.#checkCheckpoint(next, present && next.checkpoint.seq === seq)) return false;
    }
  }

  #checkCheckpoint(entry: CheckpointToCheck, present: boolean): boolean {
    const { checkpoint } = entry;
    if (!this.#signatureHolds(entry)) return false;
    const range = `seq ${this.#anchor.seq + 1}–${checkpoint.seq}`;
    const unpinpointable =
      'Every later hash was recomputed to hide it, so without an external copy of every event hash the exact event cannot be pinpointed.';
    if (!present) {
      this.#fail(
        'recomputed',
        checkpoint.seq,
        `The chain is internally consistent but contradicts ${describeCheckpoint(entry)}: that checkpoint signed the event at seq ${checkpoint.seq}, which is no longer in the log (the walk went from seq ${this.#last.seq} past it). Events in ${range} were deleted or moved and the chain relinked. ${unpinpointable}`,
        this.#anchor.seq + 1,
      );
      return false;
    }
    if (this.#count !== checkpoint.eventCount || this.#last.hash !== checkpoint.headHash) {
      const countNote =
        this.#count === checkpoint.eventCount
          ? `The event count still matches (${this.#count}), so an event in ${range} was altered.`
          : `It signed ${checkpoint.eventCount} events, the log now has ${this.#count} up to there, so events in ${range} were ${this.#count > checkpoint.eventCount ? 'inserted' : 'deleted'} (or altered).`;
      this.#fail(
        'recomputed',
        checkpoint.seq,
        `The chain is internally consistent but contradicts ${describeCheckpoint(entry)}: it signed head hash ${short(checkpoint.headHash)} at seq ${checkpoint.seq}, the log now hashes to ${short(this.#last.hash)} there. ${countNote} ${unpinpointable}`,
        this.#anchor.seq + 1,
      );
      return false;
    }
    this.#anchor = { seq: checkpoint.seq, count: this.#count, matched: true };
    this.#checked += 1;
    return true;
  }

  #signatureHolds(entry: CheckpointToCheck): boolean {
    if (entry.signature === 'valid') return true;
    const detail = entry.detail ? ` (${entry.detail})` : '';
    const message =
      entry.signature === 'unknown-key'
        ? `${describeCheckpoint(entry)} is signed by key ${entry.checkpoint.keyId}, which the verifier does not hold${detail}: the checkpoint was made with another key, or verification was given the wrong public key.`
        : `The signature of ${describeCheckpoint(entry)} does not verify${detail}: the checkpoint was forged or altered after signing.`;
    this.#fail(
      entry.signature,
      entry.checkpoint.seq,
      message.charAt(0).toUpperCase() + message.slice(1),
      null,
    );
    return false;
  }

  #conclude(finding: ChainBreakFinding | null): void {
    if (!finding) return;
    // An event slipped in with a plausible hash was counted as verified; it was not.
    if (finding.lastWasForged) this.#count -= 1;
    this.#fail(finding.kind, finding.seq, finding.message);
  }

  /** Checkpoints beyond the last event: the log lost its signed tail. */
  #checkTail(): void {
    const entry = this.#checkpoints[this.#nextCheckpoint];
    if (!entry) return;
    if (!this.#signatureHolds(entry)) return;
    const { checkpoint } = entry;
    this.#fail(
      'truncated',
      this.#last.seq + 1,
      `The log ends at seq ${this.#last.seq} with ${this.#count} events, but ${describeCheckpoint(entry)} signed ${checkpoint.eventCount} events up to seq ${checkpoint.seq}: events after seq ${this.#last.seq} were deleted.`,
    );
  }

  #checkHead(head: RecordedChainHead): void {
    const headSeq = head.headSeq ?? 0;
    const last = this.#last;
    if (headSeq > last.seq) {
      this.#fail(
        'truncated',
        last.seq + 1,
        `The log ends at seq ${last.seq} with ${this.#count} events, but the chain head records ${head.eventCount} events up to seq ${headSeq}: events after seq ${last.seq} were deleted.`,
      );
    } else if (headSeq < last.seq) {
      this.#fail(
        'inserted',
        headSeq + 1,
        `The log continues past the recorded chain head (seq ${headSeq}, ${head.eventCount} events) to seq ${last.seq}: events after seq ${headSeq} were added outside Ledgerline.`,
      );
    } else if (head.eventCount !== this.#count || head.headHash !== last.hash) {
      this.#fail(
        'recomputed',
        last.seq,
        `The chain is internally consistent but the recorded chain head disagrees (${head.eventCount} events ending in ${short(head.headHash)}; the log has ${this.#count} ending in ${short(last.hash)}): the head row was altered, or an event in seq ${this.#anchor.seq + 1}–${last.seq} was changed and every later hash recomputed. No signed checkpoint covers that range, so the exact event cannot be pinpointed.`,
        this.#anchor.seq + 1,
      );
    }
  }
}
